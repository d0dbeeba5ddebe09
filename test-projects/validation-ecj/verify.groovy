// validation-ecj: the Java 8 and 17 corpus compiled by ECJ (the Eclipse compiler) with release 17.
// The corpus is beside this project, or, in maven-invoker's copy, in the source tree.
def corpus = [new File(basedir, '../validation-corpus'), new File(basedir, '../../../../test-projects/validation-corpus')].find { it.isDirectory() }
def validate = evaluate(new File(corpus, 'verify-validation.groovy'))
validate(project: 'validation-ecj', compiler: 'ecj', release: 17, major: 61, methods: 84, classes: 24, tests: 81)
