def log = new File(basedir, 'build.log').text
assert log.contains('borrowck: 0 errors, 0 warnings in 3 files')
assert !log.contains('[ERROR]')
def sarif = new File(basedir, 'target/borrowck.sarif')
assert sarif.isFile() : 'the SARIF report is always written'
assert sarif.text.contains('"results" : [ ]')
return true
