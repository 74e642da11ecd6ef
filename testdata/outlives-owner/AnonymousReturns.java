package outlives;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A method of an anonymous class returns to its own caller: a borrow of a captured owner returned
 * there does not leave the method that declared the owner (decision 277).
 */
public class AnonymousReturns {
  static long copy(Callable<InputStream> in) throws Exception {
    try (InputStream s = in.call()) {
      return s.transferTo(OutputStream.nullOutputStream());
    }
  }

  // Negative: each entry's stream is opened by the callable while the jar is open (Maven Shade).
  void eachEntry(File jar) throws Exception {
    try (JarFile jarFile = new JarFile(jar)) {
      for (Enumeration<JarEntry> j = jarFile.entries(); j.hasMoreElements(); ) {
        final JarEntry entry = j.nextElement();
        copy(new Callable<InputStream>() {
          @Override
          public InputStream call() throws Exception {
            return jarFile.getInputStream(entry);
          }
        });
      }
    }
  }

  // The nearest bug: the anonymous class opens and closes a jar of its own, and returns a stream
  // of the closed jar.
  void ownJar(File jar, String name) throws Exception {
    copy(new Callable<InputStream>() {
      @Override
      public InputStream call() throws IOException {
        try (JarFile own = new JarFile(jar)) {
          return own.getInputStream(own.getEntry(name)); // expect: outlives-owner
        }
      }
    });
  }
}
