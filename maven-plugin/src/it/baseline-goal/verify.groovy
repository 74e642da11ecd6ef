import com.fasterxml.jackson.databind.ObjectMapper

def baseline = new ObjectMapper().readTree(new File(basedir, 'borrowck-baseline.json'))
def entries = baseline.path('findings')
assert entries.size() == 1 : "${entries}"
assert entries.get(0).path('file').asText() == 'app/src/main/java/app/Client.java' : 'relative to the reactor root'
assert entries.get(0).path('rule').asText() == 'use-after-move'

// The check that followed passed: the finding is accepted, counted, and suppressed in SARIF.
def log = new File(basedir, 'build.log').text
assert log.contains('(1 baselined)')
def result = new ObjectMapper().readTree(new File(basedir, 'app/target/borrowck.sarif')).path('runs').get(0).path('results').get(0)
assert result.path('baselineState').asText() == 'unchanged'
assert result.path('suppressions').get(0).path('kind').asText() == 'external'
return true
