// The plugin rewrote every generator of every shape in main and test sources, left a generator class
// per generator (overloads and bridges included), and every test passed.
def log = new File(basedir, 'build.log').text
assert log.contains('generators: scanned') : 'the plugin printed no summary'
assert log.contains('rewrote 189 methods in 30 classes') : 'main classes: wrong number of rewritten methods'
assert log.contains('rewrote 8 methods in 5 classes') : 'test classes: wrong number of rewritten methods'

def classes = new File(basedir, 'target/classes/shapes')
def testClasses = new File(basedir, 'target/test-classes/shapes')
assert classes.listFiles().count { it.name.contains('$Generator') } == 189
// five overloads of Overloads.range, one generator class each
(['Overloads$range$Generator'] + (2..5).collect { "Overloads\$range\$Generator$it" }).each {
    assert new File(classes, it + '.class').isFile() : "missing $it"
}
// the covariant override has its own generator class; its bridge was left alone
assert new File(classes, 'Overloads$Derived$items$Generator.class').isFile()
assert new File(testClasses, 'GeneratorsInTestSourcesTest$fruits$Generator.class').isFile()
assert new File(testClasses, 'GeneratorsInTestSourcesTest$InnerTests$questions$Generator.class').isFile()

assert log.contains('Tests run: 192, Failures: 0, Errors: 0') : 'not every test ran and passed'
assert !log.contains('BUILD FAILURE')
