package org.borrowck4j.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The reports' JSON is the text the mapper wrote before (decision 211), byte for byte. */
class JsonTextTest {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void writesEveryKindOfNodeAsTheMapperDoes() throws Exception {
    ObjectNode root = JsonText.object();
    root.put("version", 1);
    root.put("long", 1L << 40);
    root.put("yes", true);
    root.put("no", false);
    root.put("absent", (String) null);
    root.put("text", "quotes \" and \\ back, tab\t, new line\n, control \u0001, é, 漢字, emoji \uD83D\uDE00, </script>");
    root.putArray("empty");
    root.putObject("nothing");
    ObjectNode nested = root.putArray("findings").addObject();
    nested.put("file", "a/b/C.java");
    nested.putArray("notes").addObject().put("kind", "help").putNull("text");
    nested.putArray("numbers").add(0).add(-7).add(Long.MAX_VALUE);
    root.putArray("arrays").addArray().addArray();
    assertEquals(MAPPER.writeValueAsString(root) + "\n", JsonText.indented(root));
  }

  @Test
  void anEmptyObject() throws Exception {
    assertEquals(MAPPER.writeValueAsString(JsonText.object()) + "\n", JsonText.indented(JsonText.object()));
  }
}
