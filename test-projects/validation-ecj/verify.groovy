// validation-ecj: the Java 8 and 17 corpus compiled by ECJ (the Eclipse compiler) with release 17.
// The plugin rewrote every generator, every class file (the compiler's and the plugin's
// frame classes) has major version 61, the compiler was the one intended, and every
// test passed.
def log = new File(basedir, 'build.log').text
def expectedMajor = 61

assert log.contains('Compiling with eclipse [debug release 17] to target/classes') : 'not compiled by ECJ with release 17'
assert log.contains('generators: scanned') : 'the plugin printed no summary'
assert log.contains('rewrote 84 methods in 24 classes') : 'main classes: not every generator of the corpus was rewritten'
assert log.contains('rewrote 1 method in 1 class') : 'test classes: the generator in test sources was not rewritten'

// Bytes 0-3 of a class file are the magic CAFEBABE, 4-5 the minor version, 6-7 the major.
def majorOf = { File f ->
    byte[] b = f.bytes
    assert (b[0] & 0xff) == 0xCA && (b[1] & 0xff) == 0xFE && (b[2] & 0xff) == 0xBA && (b[3] & 0xff) == 0xBE : "not a class file: $f"
    ((b[6] & 0xff) << 8) | (b[7] & 0xff)
}
def classes = new File(basedir, 'target/classes/validation')
assert majorOf(new File(classes, 'Resources.class')) == expectedMajor
assert majorOf(new File(classes, 'Resources$tryFinally$Generator.class')) == expectedMajor
def classFiles = []
['target/classes', 'target/test-classes'].each { dir ->
    new File(basedir, dir).eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.class')) classFiles << it }
}
def others = classFiles.findAll { majorOf(it) != expectedMajor }.collect { "${it.name}: ${majorOf(it)}" }
assert others.isEmpty() : "class files not of version $expectedMajor: $others"
assert classes.listFiles().count { it.name.endsWith('$Generator.class') } == 84 : 'not one frame class per generator'

// ECJ's fingerprint: an enum switch calls a synthetic method of the class itself, no Switches$1.
assert new String(new File(classes, 'Switches.class').bytes, 'ISO-8859-1').contains('$SWITCH_TABLE$validation$Color')
assert !new File(classes, 'Switches$1.class').exists() : 'Switches.class was not compiled by ECJ'

assert log.contains('Tests run: 81, Failures: 0, Errors: 0, Skipped: 0') : 'not every test ran and passed'
assert !log.contains('BUILD FAILURE')
