import com.fasterxml.jackson.databind.ObjectMapper
import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SpecVersion

def log = new File(basedir, 'build.log').text
def schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(this.class.classLoader.getResourceAsStream('sarif/sarif-schema-2.1.0.json'))
def mapper = new ObjectMapper()

// The root's borrowck.toml lowered conflicting-borrow to a warning in the lists module...
def names = new File(basedir, 'lists/src/main/java/lists/Names.java').canonicalPath
assert log.contains("[WARNING] ${names}:[10,9] [BC003 conflicting-borrow]") : 'BC003 is a warning'
assert !log.contains('Generated.java') : 'excluded by [files] exclude'
// ... and app's one error is within its maxAllowedViolations: the build passed.
def client = new File(basedir, 'app/src/main/java/app/Client.java').canonicalPath
assert log.contains("[ERROR] ${client}:[11,12] [BC001 use-after-move]")
assert log.contains('borrowck: 1 violation, within maxAllowedViolations (1)')
assert log.contains('borrowck: nothing to analyse in a pom project without sources')

// Each module's run is named, with URIs relative to the reactor's root.
def app = mapper.readTree(new File(basedir, 'app/target/borrowck.sarif'))
assert app.path('runs').get(0).path('automationDetails').path('id').asText() == 'borrowck/app/'
assert app.path('runs').get(0).path('results').get(0).path('locations').get(0).path('physicalLocation').path('artifactLocation').path('uri').asText() == 'app/src/main/java/app/Client.java'

// One aggregate for the repository, valid, every URI resolving from the root.
def aggregate = new File(basedir, 'target/borrowck.sarif')
assert aggregate.isFile()
def node = mapper.readTree(aggregate)
def errors = schema.validate(node)
assert errors.isEmpty() : "the aggregate violates the schema: ${errors}"
assert node.path('runs').size() == 1
def run = node.path('runs').get(0)
assert run.path('automationDetails').path('id').asText() == 'borrowck/'
def srcroot = run.path('originalUriBaseIds').path('%SRCROOT%').path('uri').asText()
assert new File(new URI(srcroot)).canonicalPath == basedir.canonicalPath : srcroot
def results = run.path('results')
assert results.size() == 2 : "${results}"
def ruleIds = results.collect { it.path('ruleId').asText() } as Set
assert ruleIds == ['use-after-move', 'conflicting-borrow'] as Set
results.each { r ->
  def location = r.path('locations').get(0).path('physicalLocation').path('artifactLocation')
  assert location.path('uriBaseId').asText() == '%SRCROOT%'
  assert new File(basedir, location.path('uri').asText()).isFile() : "${location} resolves from the reactor root"
}
assert results.find { it.path('ruleId').asText() == 'conflicting-borrow' }.path('level').asText() == 'warning'
assert log.contains('borrowck: aggregated 3 module reports (2 results) into')
return true
