// Each wrong yield, send, result and delegation is refused at its line, naming class, method and
// both types, and saying what to write instead; no class was changed.
def log = new File(basedir, 'build.log').text
assert log.contains('generators: 9 problems')
def refused = { String place, String... words ->
    def line = log.readLines().find { it.contains('[ERROR] ' + place) }
    assert line != null : "no refusal at $place"
    words.each { assert line.contains(it) : "the refusal at $place does not say '$it': $line" }
}
refused('Mistyped.java:19: example.Mistyped.upTo(int):',
        'Yield.value of an Integer, which can never be a Long', 'Iterable<Long>', 'yield a long: write 1L, or (long) i')
refused('Mistyped.java:27: example.Mistyped.words():',
        'Yield.value of a String, which can never be an Integer', 'java.util.Iterator<Integer>', 'yield an Integer instead')
refused('Mistyped.java:34: example.Mistyped.numbers():',
        'Yield.value of a String, which can never be a Number (the bound of T)', 'java.util.stream.Stream<T>')
refused('Mistyped.java:41: example.Mistyped.echo():',
        'S = Integer', 'used here as a String, which an Integer can never be', 'take it as an Integer, or change S')
refused('Mistyped.java:49: example.Mistyped.count():',
        'Yield.done of an Integer, which can never be a String', 'result type R', 'return a String, or change R')
refused('Mistyped.java:61: example.Mistyped.delegates():',
        'Yield.all of an Iterable<String>', 'of type String, can never be of type Integer', 'delegate to a source of Integer')
refused('Mistyped.java:68: example.Mistyped.fromAList():',
        'Yield.all of a java.util.List<String>', 'of type String, can never be of type Integer')
refused('Mistyped.java:75: example.Mistyped.fromAField():',
        'Yield.all of a java.util.Iterator<String>', 'of type String, can never be of type Integer')
refused('Mistyped.java:88: example.Mistyped.takesTheResult():',
        'R = Integer', 'used here as a String, which an Integer can never be', 'take it as an Integer')
assert !new File(basedir, 'target/classes/example/Mistyped$fine$Generator.class').exists() : 'a class was written although the build failed'
