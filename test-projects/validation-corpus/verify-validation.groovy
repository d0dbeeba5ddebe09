// The check every validation project makes of its build, given what that project expects:
// the compiler and release it used, the plugin's summaries, the major version of every class
// file (the compiler's and the plugin's generator classes), one generator class per generator, the
// compiler's fingerprint, the JDK the tests ran on, and every test passed.
// A project's verify.groovy evaluates this file and calls the closure it returns.
return { Map expect ->
    def name = expect.project
    def log = new File(basedir, 'build.log').text

    // The newer-JDK projects are skipped (by their pom's default properties) unless one is found.
    if (expect.newerJdk) {
        def found = new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac').isFile()
        if (!found && Runtime.version().feature() < expect.newerJdk) {
            assert log.contains('BUILD SUCCESS')
            assert log.contains('generators: skipped') && log.contains('Tests are skipped.')
            println "$name: skipped, no JDK ${expect.newerJdk} or newer on this machine"
            return
        }
    }

    def release = expect.release
    if (expect.compiler == 'javac') {
        assert log =~ /Compiling \d+ source files with javac \[(forked )?debug release $release\] to target\/classes/ : "not compiled by javac with release $release"
    } else {
        assert log.contains("Compiling with eclipse [debug release $release] to target/classes") : "not compiled by ECJ with release $release"
    }
    assert log.contains('generators: scanned') : 'the plugin printed no summary'
    assert log.contains("rewrote ${expect.methods} methods in ${expect.classes} classes") : 'main classes: not every generator of the corpus was rewritten'
    assert log.contains('rewrote 1 method in 1 class') : 'test classes: the generator in test sources was not rewritten'

    // Bytes 0-3 of a class file are the magic CAFEBABE, 4-5 the minor version, 6-7 the major.
    def majorOf = { File f ->
        byte[] b = f.bytes
        assert (b[0] & 0xff) == 0xCA && (b[1] & 0xff) == 0xFE && (b[2] & 0xff) == 0xBA && (b[3] & 0xff) == 0xBE : "not a class file: $f"
        ((b[6] & 0xff) << 8) | (b[7] & 0xff)
    }
    def classes = new File(basedir, 'target/classes/validation')
    assert majorOf(new File(classes, 'Resources.class')) == expect.major
    assert majorOf(new File(classes, 'Resources$tryFinally$Generator.class')) == expect.major
    def classFiles = []
    ['target/classes', 'target/test-classes'].each { dir ->
        new File(basedir, dir).eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.class')) classFiles << it }
    }
    def others = classFiles.findAll { majorOf(it) != expect.major }.collect { "${it.name}: ${majorOf(it)}" }
    assert others.isEmpty() : "class files not of version ${expect.major}: $others"
    assert classes.listFiles().count { it.name.endsWith('$Generator.class') } == expect.methods : 'not one generator class per generator'

    if (expect.compiler == 'javac') {
        // javac's fingerprint: an enum switch reads a synthetic class's $SwitchMap$ array.
        assert new File(classes, 'Switches$1.class').isFile() : 'Switches.class was not compiled by javac'
    } else {
        // ECJ's fingerprint: an enum switch calls a synthetic method of the class itself, no Switches$1.
        assert new String(new File(classes, 'Switches.class').bytes, 'ISO-8859-1').contains('$SWITCH_TABLE$validation$Color')
        assert !new File(classes, 'Switches$1.class').exists() : 'Switches.class was not compiled by ECJ'
    }

    if (expect.newerJdk) {
        // Surefire records the java.version of the JVM it forked.
        def report = new File(basedir, 'target/surefire-reports/TEST-validation.LoopsTest.xml').text
        def testedOn = (report =~ /name="java.version" value="(\d+)/)[0][1] as int
        assert testedOn >= expect.newerJdk : "tests ran on Java $testedOn"
    }

    assert log.contains("Tests run: ${expect.tests}, Failures: 0, Errors: 0, Skipped: 0") : 'not every test ran and passed'
    assert !log.contains('BUILD FAILURE')
}
