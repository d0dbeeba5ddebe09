// The README's pom, pasted into a folder with a generator and a test, built with the real plugin:
// the plugin ran, rewrote the generator, and the test ran under JUnit 5 and passed.
def pom = new File(basedir, 'pom.xml').text
assert pom.contains('<artifactId>generators-maven-plugin</artifactId>') : 'setup.groovy did not put the README pom in place'
def log = new File(basedir, 'build.log').text
assert log.contains('generators: scanned') : 'the plugin printed no summary'
assert log.contains('rewrote 1 method in 1 class')
assert new File(basedir, 'target/classes/example/Countdown$from$Generator.class').isFile()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'Surefire did not run the JUnit 5 test'
