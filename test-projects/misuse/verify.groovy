// Every offence is reported, each with file, line, class and method, and no class was changed.
def log = new File(basedir, 'build.log').text
assert log.contains('generators: 3 problems')
assert log.contains('Misuses.java:15: example.Misuses.yieldsWhileLocked(): Yield.value inside a synchronized block')
assert log.contains('Misuses.java:22: example.Misuses.lambda$yieldsInALambda$0(Integer): Yield.value is called in a lambda')
assert log.contains('Misuses.java:28: example.Misuses.returnsAList(): @Generator methods return Iterable, Iterator, Stream or dev.generators.Coroutine')
assert !new File(basedir, 'target/classes/example/Misuses$fine$Generator.class').exists() : 'a class was written although the build failed'
