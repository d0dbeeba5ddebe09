// The plugin rewrote every generator that takes a lock between yields (none refused, none hung),
// left a generator class for each, and every test passed.
def log = new File(basedir, 'build.log').text
assert log.contains('rewrote 11 methods in 1 class') : 'main classes: wrong number of rewritten methods'
def classes = new File(basedir, 'target/classes/locks')
assert classes.listFiles().count { it.name.contains('$Generator') } == 11
assert log.contains('Tests run: 11, Failures: 0, Errors: 0') : 'not every test ran and passed'
assert !log.contains('BUILD FAILURE')
