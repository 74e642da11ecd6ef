def log = new File(basedir, 'build.log').text
def client = new File(basedir, 'app/src/main/java/app/Client.java').canonicalPath
assert log.contains("[ERROR] ${client}:[11,12] [BC001 use-after-move] use of moved value `message`")
assert log.contains('(parameter 1 of `Channel.send` is @Owned)') : 'the contract comes from module A\'s bytecode (no parameter names)'
assert !log.contains('Loader.java') : 'the stream is closed by module A\'s helper, read from its class file (decision 318)'
assert new File(basedir, 'api/target/borrowck.sarif').isFile()
assert new File(basedir, 'app/target/borrowck.sarif').isFile()
return true
