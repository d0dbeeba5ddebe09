// validation-javac25: the Java 8, 17 and 21 corpus compiled by javac with release 25, tested on JDK 25+.
// The corpus is beside this project, or, in maven-invoker's copy, in the source tree.
def corpus = [new File(basedir, '../validation-corpus'), new File(basedir, '../../../../test-projects/validation-corpus')].find { it.isDirectory() }
def validate = evaluate(new File(corpus, 'verify-validation.groovy'))
validate(project: 'validation-javac25', compiler: 'javac', release: 25, major: 69, methods: 88, classes: 26, tests: 85, newerJdk: 25)
