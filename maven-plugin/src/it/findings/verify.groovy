import com.fasterxml.jackson.databind.ObjectMapper
import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SpecVersion

def log = new File(basedir, 'build.log').text
def pipeline = new File(basedir, 'src/main/java/demo/Pipeline.java').canonicalPath
assert log.contains("[ERROR] ${pipeline}:[8,5] [BC001 use-after-move] use of moved value `buf`")
assert log.contains("${pipeline}:[7,17] value moved here (parameter `data` of `Sink.accept` is @Owned)")
assert log.contains('help: pass a copy')
assert log.contains('borrowck: 1 error, 0 warnings in 3 files')
assert log.contains('borrowck found 1 error; the report is in')

def sarif = new File(basedir, 'target/borrowck.sarif')
assert sarif.isFile()
def node = new ObjectMapper().readTree(sarif)
def schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(this.class.classLoader.getResourceAsStream('sarif/sarif-schema-2.1.0.json'))
def errors = schema.validate(node)
assert errors.isEmpty() : "SARIF violates the schema: ${errors}"
def results = node.path('runs').get(0).path('results')
assert results.size() == 1
assert results.get(0).path('ruleId').asText() == 'use-after-move'
assert results.get(0).path('locations').get(0).path('physicalLocation').path('artifactLocation').path('uri').asText() == 'src/main/java/demo/Pipeline.java'
return true
