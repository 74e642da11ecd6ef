package leaks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Objects;

/**
 * {@code Objects.nonNull(x)} and {@code Objects.isNull(x)} are the operator's null tests, by the
 * JDK's word (decision 334; JavaMoney's LoadableHttpResource closes its stream under {@code
 * Objects.nonNull(is)} in a {@code finally}).
 */
public class NullTestsByName {

  // Negative: closed in the finally wherever it was opened.
  byte[] load(URL url) {
    InputStream is = null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      is = new BufferedInputStream(url.openStream());
      out.write(is.read());
      return out.toByteArray();
    } catch (IOException e) {
      return null;
    } finally {
      if (Objects.nonNull(is)) {
        try {
          is.close();
        } catch (IOException e) {
          // nothing to do
        }
      }
    }
  }

  // Negative: the same under `!Objects.isNull(is)`.
  byte[] loadNegated(URL url) throws IOException {
    InputStream is = null;
    try {
      is = url.openStream();
      return is.readAllBytes();
    } finally {
      if (!Objects.isNull(is)) {
        is.close();
      }
    }
  }

  // The nearest bug: the test the wrong way round closes only what was never opened.
  byte[] loadInverted(URL url) throws IOException {
    InputStream is = null; // expect: owned-value-leaked
    try {
      is = url.openStream();
      return is.readAllBytes();
    } finally {
      if (Objects.isNull(is)) {
        System.err.println("nothing opened");
      } else if (url.getPath().isEmpty()) {
        is.close();
      }
    }
  }
}
