// No plugin ran: the classes on disk are as javac wrote them, and the agent rewrote them as they loaded.
def log = new File(basedir, 'build.log').text
assert !log.contains('generators: scanned') : 'the plugin ran, but this project tests the agent alone'
assert !new File(basedir, 'target/classes/example/Words$split$Generator.class').exists()
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
