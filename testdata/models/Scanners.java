package models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Scanner;

/** java.util.Scanner wraps its source (D19) and fails once closed (D21). */
public class Scanners {
  // The scanner closed, then asked for another line: IllegalStateException.
  String lineAfterClose(InputStream in) {
    Scanner s = new Scanner(in);
    s.close();
    return s.nextLine(); // expect: use-after-move
  }

  // Closing the scanner closed the stream it wraps.
  int streamAfterScannerClosed(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    Scanner s = new Scanner(in);
    String first = s.nextLine();
    s.close();
    return first.length() + in.read(); // expect: use-after-move
  }

  // Negative: read while open, then closed by try-with-resources.
  String firstLine(Path p) throws IOException {
    try (Scanner s = new Scanner(Files.newInputStream(p))) {
      return s.hasNextLine() ? s.nextLine() : "";
    }
  }

  // Negative: the failure of a closed scanner is still there to ask for.
  IOException failureAfterClose(InputStream in) {
    Scanner s = new Scanner(in);
    while (s.hasNext()) {
      s.next();
    }
    s.close();
    return s.ioException();
  }

  // Negative (JBeret's Script.getContent): the whole stream read through a scanner set to one
  // token; closing the scanner its setting returned closes the stream (decision 354).
  String wholeResource(ClassLoader loader, String name) {
    InputStream is = loader.getResourceAsStream(name);
    if (is == null) {
      return null;
    }
    Scanner scanner = null;
    try {
      scanner = new Scanner(is).useDelimiter("\\A");
      return scanner.hasNext() ? scanner.next() : "";
    } finally {
      if (scanner != null) {
        scanner.close();
      }
    }
  }

  // The same scanner never closed: the stream leaks.
  String wholeResourceLeft(ClassLoader loader, String name) {
    InputStream is = loader.getResourceAsStream(name); // expect: owned-value-leaked
    if (is == null) {
      return null;
    }
    Scanner scanner = new Scanner(is).useDelimiter("\\A");
    return scanner.hasNext() ? scanner.next() : "";
  }
}
