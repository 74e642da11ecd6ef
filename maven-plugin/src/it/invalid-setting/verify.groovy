def log = new File(basedir, 'build.log').text
// The command line's words, naming the property the level came from.
assert log.contains('borrowck: unsupported maven.compiler.source: 1.99')
assert !new File(basedir, 'target/borrowck.sarif').exists() : 'nothing was analysed'
return true
