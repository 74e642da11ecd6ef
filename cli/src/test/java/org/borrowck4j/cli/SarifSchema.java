package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;

/** The official SARIF 2.1.0 schema (a verbatim copy, see sarif/SOURCE.txt), as a test oracle. */
final class SarifSchema {
  private static JsonSchema schema;

  private SarifSchema() {}

  static synchronized JsonSchema schema() throws Exception {
    if (schema == null) {
      try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
      }
    }
    return schema;
  }

  /** Fails with every schema violation when the text is not valid SARIF 2.1.0. */
  static JsonNode assertValid(String sarif) throws Exception {
    JsonNode node = new ObjectMapper().readTree(sarif);
    Set<ValidationMessage> errors = schema().validate(node);
    assertTrue(errors.isEmpty(), "SARIF violates the 2.1.0 schema: " + errors);
    return node;
  }
}
