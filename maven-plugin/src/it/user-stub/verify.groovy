def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/java/demo/Newsletter.java').canonicalPath
assert log.contains("[ERROR] ${file}:[9,12] [BC001 use-after-move] use of moved value `text`")
assert log.contains('(parameter `message` of `Mailer.send` is @Owned)')
return true
