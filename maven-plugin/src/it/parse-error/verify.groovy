def log = new File(basedir, 'build.log').text
def broken = new File(basedir, 'src/main/java/demo/Broken.java').canonicalPath
def pipeline = new File(basedir, 'src/main/java/demo/Pipeline.java').canonicalPath
assert log.contains("[ERROR] ${broken}:[4,") && log.contains('[BC901 parse-error]')
assert log.contains("[ERROR] ${pipeline}:[8,5] [BC001 use-after-move]") : 'the other files are still analysed'
assert log.contains('borrowck: 2 errors')
return true
