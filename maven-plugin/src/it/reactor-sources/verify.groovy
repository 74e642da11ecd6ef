def log = new File(basedir, 'build.log').text
def settings = new File(basedir, 'app/src/main/java/app/Settings.java').canonicalPath
// `open` returns a new stream (inferred from util's body): dropped after one read, it leaks.
assert log.contains("[WARNING] ${settings}:[29,12] [BC006 owned-value-leaked] the value returned by `open()` must be released but is dropped")
// `closeQuietly` closes its argument (inferred from util's body): `in` is closed on every path.
assert !log.contains("${settings}:[15,") && !log.contains("${settings}:[16,") : 'the stream closed by util\'s helper is not leaked'
return true
