package org.borrowck4j.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The reports' JSON text: a tree written indented, as {@code ObjectMapper} with {@code
 * INDENT_OUTPUT} writes it (the same generator and pretty printer), one new line at the end.
 * Without the mapper: a tree of nodes needs none of its data binding, whose set-up (serializer
 * factories, date formats, type introspection: some 400 classes) was a tenth of the start-up of a
 * run on one file, on its main thread (decision 211).
 */
public final class JsonText {
  private JsonText() {}

  private static final JsonFactory FACTORY = new JsonFactory();

  /** An empty object to build a report in. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The tree as text: indented by Jackson's default pretty printer, ending with a new line. */
  public static String indented(JsonNode tree) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.setPrettyPrinter(new DefaultPrettyPrinter());
      write(tree, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e); // a StringWriter does not fail
    }
    return out + "\n";
  }

  /**
   * What the mapper's serialization of a tree does with its defaults (every property, in the order
   * put, nulls and empty arrays included). Containers and nulls are written here, since nodes ask
   * the mapper's provider for those; strings, numbers and booleans write themselves.
   */
  private static void write(JsonNode node, JsonGenerator generator) throws IOException {
    if (node.isObject()) {
      generator.writeStartObject();
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        generator.writeFieldName(property.getKey());
        write(property.getValue(), generator);
      }
      generator.writeEndObject();
    } else if (node.isArray()) {
      generator.writeStartArray();
      for (JsonNode element : node) {
        write(element, generator);
      }
      generator.writeEndArray();
    } else if (node.isNull()) {
      generator.writeNull();
    } else {
      ((JsonSerializable) node).serialize(generator, null);
    }
  }
}
