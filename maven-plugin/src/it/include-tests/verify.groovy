def log = new File(basedir, 'build.log').text
def check = new File(basedir, 'src/test/java/demo/PipelineCheck.java').canonicalPath
assert log.contains("[ERROR] ${check}:[8,17] [BC001 use-after-move] use of moved value `buf`")
return true
