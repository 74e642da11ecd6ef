package leaks;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A local that holds either what a field holds or a stream of its own, told apart by comparing it
 * with the field (decision 300; the JDK's serviceability agent `ClassDump.dumpKlass`): where it
 * equals the field it holds the field's stream, which is not its to close.
 */
public class SharedOrOwn {
  private OutputStream jarStream;

  // Negative: the stream of its own is closed, the field's is left to the object.
  void dump(File f, byte[] bytes) throws IOException {
    OutputStream os = null;
    if (jarStream != null) {
      os = jarStream;
    } else {
      os = new FileOutputStream(f);
    }
    try {
      os.write(bytes);
    } finally {
      if (os != jarStream) {
        os.close();
      }
    }
  }

  // Positive, side by side: the test turned round closes the field's stream and leaks its own.
  void dumpInverted(File f, byte[] bytes) throws IOException {
    OutputStream os = null; // expect: owned-value-leaked
    if (jarStream != null) {
      os = jarStream;
    } else {
      os = new BufferedOutputStream(new FileOutputStream(f));
    }
    try {
      os.write(bytes);
    } finally {
      if (os == jarStream) {
        os.close();
      }
    }
  }
}
