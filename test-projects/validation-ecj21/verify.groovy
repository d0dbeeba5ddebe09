// validation-ecj21: the Java 8, 17 and 21 corpus compiled by ECJ with release 21, tested on JDK 21+.
// The corpus is beside this project, or, in maven-invoker's copy, in the source tree.
def corpus = [new File(basedir, '../validation-corpus'), new File(basedir, '../../../../test-projects/validation-corpus')].find { it.isDirectory() }
def validate = evaluate(new File(corpus, 'verify-validation.groovy'))
validate(project: 'validation-ecj21', compiler: 'ecj', release: 21, major: 65, methods: 88, classes: 26, tests: 85, newerJdk: 21)
