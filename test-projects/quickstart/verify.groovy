// The plugin ran in the user's build, said what it did, and left a generator class per generator.
def log = new File(basedir, 'build.log').text
assert log.contains('generators: scanned') : 'the plugin printed no summary'
assert log.contains('rewrote 1 method in 1 class')
assert new File(basedir, 'target/classes/example/Fib$fibonacci$Generator.class').isFile()
assert log.contains('Tests run: 3, Failures: 0, Errors: 0')
def explained = new File(basedir, 'target/generators/explain/example/Fib.txt').text
assert explained.contains('state 1: Yield.value at line 12; keeps count, a, b, i') : explained
