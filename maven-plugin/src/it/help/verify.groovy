def log = new File(basedir, 'build.log').text
assert log.contains('borrowck:check')
assert log.contains('failOnError')
assert log.contains('sarifOutput')
return true
