package models;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URL;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.xml.sax.InputSource;

/**
 * One file, several handles (D19, decision 256): a stream wrapped in place, a wrapper chosen by a
 * condition, a writer kept in a field around them; a close helper taking any object; a SAX source
 * given the stream by its setter; a stream given back by code that declares nothing to the variable
 * that held it (decision 259).
 */
public class WrappedInPlace {
  private PrintWriter writer;

  /** A step of a project's unpacking chain, declared nowhere (Ivy's `StreamPacking`). */
  interface Unpacking {
    InputStream unpack(InputStream packed) throws IOException;
  }

  // Negative: handed to code that declares nothing and given back to the same variable, which
  // may now hold a wrapper of it (decisions 37, 259): closing the variable closes the file.
  int unpackedInPlace(File f, Unpacking step) throws IOException {
    InputStream in = new FileInputStream(f);
    try {
      in = step.unpack(in);
      return in.read();
    } finally {
      in.close();
    }
  }

  // The nearest bug: the duty goes on with the variable, which nothing closes.
  int unpackedInPlaceNeverClosed(File f, Unpacking step) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    in = step.unpack(in);
    return in.read();
  }

  // Negative: `in = new BufferedInputStream(in)` goes on with the same file.
  int wrappedInPlace(File f, boolean gz) throws IOException {
    InputStream in = new FileInputStream(f);
    try {
      in = new BufferedInputStream(in);
      if (gz) {
        in = new GZIPInputStream(in);
      }
      return in.read();
    } finally {
      in.close();
    }
  }

  // The nearest bug: wrapped in place and never closed.
  int wrappedInPlaceNeverClosed(File f) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    in = new BufferedInputStream(in);
    return in.read();
  }

  // And replaced by another file: the first one is lost.
  int replacedByAnotherFile(File f, File g) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    in = new FileInputStream(g);
    try {
      return in.read();
    } finally {
      in.close();
    }
  }

  // A close helper taking any object (nanohttpd's safeClose): inferred to close what it is given.
  private static void safeClose(Object closeable) {
    try {
      if (closeable instanceof Closeable) {
        ((Closeable) closeable).close();
      } else if (closeable != null) {
        throw new IllegalArgumentException("Unknown object to close");
      }
    } catch (IOException e) {
      // ignored
    }
  }

  // Negative: closed by the helper.
  Properties loadClosedByHelper(URL url) throws IOException {
    Properties p = new Properties();
    InputStream stream = url.openStream();
    try {
      p.load(stream);
    } finally {
      safeClose(stream);
    }
    return p;
  }

  // The nearest bug (Ivy's IvySettings): closed only when loading fails.
  Properties loadClosedOnFailureOnly(URL url) throws IOException {
    Properties p = new Properties();
    InputStream stream = url.openStream(); // expect: owned-value-leaked
    try {
      p.load(stream);
    } catch (IOException e) {
      safeClose(stream);
    }
    return p;
  }

  // Negative: the stream goes to the parser with the InputSource that is returned, and the parser
  // closes it at the end of the parse (Tomcat's ContextConfig).
  InputSource sourceOf(File f) throws IOException {
    InputStream stream = new FileInputStream(f);
    InputSource source = new InputSource(f.toURI().toString());
    source.setByteStream(stream);
    return source;
  }

  // Negative: Tomcat's FileHandler, buffered or not; the writer kept in a field keeps the file, and
  // closing both handles when that fails is no use after a move.
  void open(File f, int bufferSize, String encoding) throws IOException {
    FileOutputStream fos = new FileOutputStream(f, true);
    OutputStream os = null;
    try {
      os = bufferSize > 0 ? new BufferedOutputStream(fos, bufferSize) : fos;
      writer = new PrintWriter(encoding != null ? new OutputStreamWriter(os, encoding) : new OutputStreamWriter(os), false);
    } catch (IOException e) {
      writer = null;
      fos.close();
      if (os != null) {
        os.close();
      }
    }
  }
}
