def log = new File(basedir, 'build.log').text
def pipeline = new File(basedir, 'src/main/java/demo/Pipeline.java').canonicalPath
assert log.contains("[WARNING] ${pipeline}:[8,5] [BC001 use-after-move] use of moved value `buf`")
assert !log.contains("[ERROR] ${pipeline}") : 'a finding that does not fail the build is no [ERROR]'
assert !log.contains('Old.java') : '-Dborrowck.excludes'
assert log.contains('borrowck: 1 error, 0 warnings in 3 files')
return true
