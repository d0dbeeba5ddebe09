// validation-ecj8: the Java 8 corpus compiled by ECJ (the Eclipse compiler) with release 8.
// The corpus is beside this project, or, in maven-invoker's copy, in the source tree.
def corpus = [new File(basedir, '../validation-corpus'), new File(basedir, '../../../../test-projects/validation-corpus')].find { it.isDirectory() }
def validate = evaluate(new File(corpus, 'verify-validation.groovy'))
validate(project: 'validation-ecj8', compiler: 'ecj', release: 8, major: 52, methods: 76, classes: 21, tests: 75)
