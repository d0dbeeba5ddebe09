// JaCoCo's report of the generators in src/main/java, compared with the comments beside their
// lines (JaCoCo's validation-test style): each line's status and branches are what the tests
// gave the user's code, and the rewriter's dispatch, restore code and generator creation show
// on no line.
def log = new File(basedir, 'build.log').text
assert log.contains('generators: scanned') : 'the plugin printed no summary'
assert log.contains('Tests run: 12, Failures: 0, Errors: 0') : 'not every test ran and passed'
assert !log.contains('BUILD FAILURE')

def xml = new File(basedir, 'target/site/jacoco/jacoco.xml')
assert xml.isFile() : 'no JaCoCo report'
def parser = new groovy.xml.XmlSlurper(false, false, true)
parser.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
def report = parser.parse(xml)

def failures = []
def sources = new File(basedir, 'src/main/java/coverage')
sources.eachFileMatch(~/.*\.java/) { source ->
    // line number -> [status, missed branches, covered branches]
    def expected = [:]
    source.readLines().eachWithIndex { text, i ->
        def m = text =~ /\/\/ assert(FullyCovered|PartlyCovered|NotCovered)\((?:(\d+), (\d+))?\)/
        if (m.find()) {
            def status = [FullyCovered: 'FULLY', PartlyCovered: 'PARTLY', NotCovered: 'NOT'][m.group(1)]
            expected[i + 1] = [status, (m.group(2) ?: '0') as int, (m.group(3) ?: '0') as int]
        }
    }
    def file = report.'package'.sourcefile.find { it.@name.text() == source.name }
    def actual = [:]
    file.line.each { line ->
        int mi = line.@mi.toInteger(), ci = line.@ci.toInteger()
        def status = mi == 0 ? 'FULLY' : (ci == 0 ? 'NOT' : 'PARTLY')
        actual[line.@nr.toInteger()] = [status, line.@mb.toInteger(), line.@cb.toInteger()]
    }
    (expected.keySet() + actual.keySet()).sort().each { nr ->
        if (expected[nr] != actual[nr]) {
            def text = source.readLines()[nr - 1].trim()
            failures << "${source.name}:${nr} expected ${expected[nr] ?: 'no line'}, JaCoCo says ${actual[nr] ?: 'no line'}: ${text}"
        }
    }
}

// Each generator's body is reported as a method of its own class, name-body; the method that only
// creates the generator is left out (it carries @Generator.Generated).
def generators = report.'package'.'class'.find { it.@name.text() == 'coverage/Generators' }
def methods = generators.method.collect { it.@name.text() }
['evens', 'framedEvens', 'signs', 'clipped', 'neverCalled', 'neverIterated', 'guarded', 'summing', 'greetings', 'leftAtTheFirstYield'].each { name ->
    if (!methods.contains(name + '-body')) failures << "no method ${name}-body in the report: ${methods}"
    if (methods.contains(name)) failures << "the generator creation ${name} is in the report: ${methods}"
}

// A body whose every line ran misses nothing, at the method level too; one with an untaken branch
// misses that branch and its lines only. (A yield never reached also leaves the dispatch's jump to
// its resume point uncovered, which JaCoCo counts for the method but on no line: clipped.)
def counter = { String method, String type ->
    def c = generators.method.find { it.@name.text() == method }.counter.find { it.@type.text() == type }
    [c.@missed.toInteger(), c.@covered.toInteger()]
}
[['evens-body', 'BRANCH', 0], ['evens-body', 'INSTRUCTION', 0], ['evens-body', 'LINE', 0],
 ['guarded-body', 'BRANCH', 0], ['guarded-body', 'INSTRUCTION', 0],
 ['framedEvens-body', 'INSTRUCTION', 0], ['framedEvens-body', 'LINE', 0],
 ['signs-body', 'BRANCH', 1], ['signs-body', 'LINE', 1],
 ['clipped-body', 'BRANCH', 2], ['clipped-body', 'LINE', 1]].each { method, type, missed ->
    def (m, c) = counter(method, type)
    if (m != missed) failures << "${method}: ${type} missed ${m} (covered ${c}), expected ${missed} missed"
}

assert failures.isEmpty() : 'JaCoCo does not report the generators as written:\n' + failures.join('\n')
