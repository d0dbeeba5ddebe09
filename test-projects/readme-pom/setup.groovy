// Takes the pom that README.md's "Use it" tells a user to paste, exactly as written there, and
// puts it in place of this project's placeholder: src/ holds only a generator and its test.
def readme = new File(repositoryRoot, 'README.md').text
def blocks = (readme =~ /(?s)```xml\n(.*?)```/).collect { it[1] }
def poms = blocks.findAll { it.contains('<project') }
assert poms.size() == 1 : "README.md should show one whole pom in an xml block, found ${poms.size()}"
new File(basedir, 'pom.xml').text = poms[0]
return true
