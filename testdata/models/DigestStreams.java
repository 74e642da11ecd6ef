package models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * A digest or checked stream keeps its digest or checksum as an object of its own: reading it
 * after the stream was closed reads no stream (decision 279).
 */
public class DigestStreams {
  static void copyAndClose(InputStream in, Path target) throws IOException {
    try (in; OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
  }

  // Negative: the digest of what was copied is read after the helper closed the stream (bnd).
  byte[] digestOf(InputStream stream, Path target) throws Exception {
    try (DigestInputStream dis = new DigestInputStream(stream, MessageDigest.getInstance("SHA-1"))) {
      copyAndClose(dis, target);
      return dis.getMessageDigest().digest();
    }
  }

  // Negative: the same for a checksum.
  long checksumOf(InputStream stream, Path target) throws IOException {
    CheckedInputStream in = new CheckedInputStream(stream, new CRC32());
    copyAndClose(in, target);
    return in.getChecksum().getValue();
  }

  // The nearest bug: the stream itself is read after the helper closed it.
  int readAfterClose(InputStream stream, Path target) throws Exception {
    DigestInputStream dis = new DigestInputStream(stream, MessageDigest.getInstance("SHA-1"));
    copyAndClose(dis, target);
    return dis.read(); // expect: use-after-move
  }
}
