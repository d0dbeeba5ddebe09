// The asyncio ports, the stream programs (echo, chat, HTTP), the crawler and the tests of the loop
// were rewritten and all passed.
// Adding a generator or a test changes the counts below: update them with it.
def log = new File(basedir, 'build.log').text
assert log.contains('rewrote 45 methods in 19 classes') : 'the rewrite goal did not rewrite the programs'
assert log.contains('rewrote 106 methods in 15 classes') : 'the rewrite-tests goal did not rewrite the tests\' generators'
assert new File(basedir, 'target/classes/example/crawler/Crawler$work$Generator.class').isFile()
assert new File(basedir, 'target/classes/example/asyncio/Factorials$factorial$Generator.class').isFile()
assert new File(basedir, 'target/classes/example/streams/EchoServer$handleEcho$Generator.class').isFile()
assert log.contains('Tests run: 98, Failures: 0, Errors: 0, Skipped: 0') : 'event loop tests failed or went missing'
assert !log.contains('<<< FAILURE!')
