def log = new File(basedir, 'build.log').text
def pipeline = new File(basedir, 'src/main/java/demo/Pipeline.java').canonicalPath
assert log.contains("[WARNING] ${pipeline}:[8,5] [BC001 use-after-move] use of moved value `buf`") : log
assert log.contains('borrowck: 1 error, 0 warnings in 3 files') : log
def cache = new File(basedir, 'target/borrowck-cache')
assert log.contains("borrowck: 3 of 3 files unchanged, results reused from ${cache.canonicalPath}") : log
assert new File(cache, 'results').isDirectory()
assert new File(cache, 'declarations').isDirectory()
return true
