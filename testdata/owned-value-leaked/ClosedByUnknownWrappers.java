package leaks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A stream handed to a library with no model whose result a try-with-resources statement holds:
 * the result may wrap the stream and close it at the block's end, and no finding is made from a
 * guess (decision 37, decision 346). The same result dropped leaves the stream the method's own.
 * (Jackson is no model: without it on the classpath, its calls are code nobody says anything of.)
 */
public class ClosedByUnknownWrappers {

  // Negative (Gson's `new JsonReader(new InputStreamReader(in))` in try-with-resources).
  String firstName(JsonFactory factory, File f) throws IOException {
    InputStream in = new FileInputStream(f);
    try (JsonParser parser = factory.createParser(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parser.nextFieldName();
    }
  }

  // Negative: the stream handed on as it is.
  String firstNameRaw(JsonFactory factory, File f) throws IOException {
    InputStream in = new FileInputStream(f);
    try (JsonParser parser = factory.createParser(in)) {
      return parser.nextFieldName();
    }
  }

  // The parser made and dropped: nothing closes the stream.
  String parserDropped(JsonFactory factory, File f) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    JsonParser parser = factory.createParser(in);
    return parser.nextFieldName();
  }
}
