// The plugin ran in the user's build, said what it did, and every protocol test passed.
// Adding a generator or a test changes the counts below: update them with it.
def log = new File(basedir, 'build.log').text
assert log.contains('generators: scanned') : 'the plugin printed no summary'
assert log.contains('rewrote 7 methods in 1 class') : 'the rewrite goal did not rewrite PepExamples'
assert log.contains('rewrote 169 methods in 20 classes') : 'the rewrite-tests goal did not rewrite the tests\' generators'
assert new File(basedir, 'target/classes/protocol/PepExamples$gatherTallies$Generator.class').isFile()
assert new File(basedir, 'target/test-classes/protocol/YieldFromTest$outerEcho$Generator.class').isFile()
assert log.contains('Tests run: 231, Failures: 0, Errors: 0, Skipped: 0') : 'protocol tests failed or went missing'
assert !log.contains('<<< FAILURE!')
