// With -Dgenerators.typeChecks=warn the wrong yield is a warning, and the generator is rewritten.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Warned.java:11: example.Warned.upTo(int): Yield.value of an Integer, which can never be a Long')
assert log.contains('rewrote 1 method in 1 class')
assert new File(basedir, 'target/classes/example/Warned$upTo$Generator.class').isFile()
