package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.internal.ObjectUtil;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.io.IOUtils;
import org.xnio.IoUtils;

/** D5: closing again through a helper that closes its argument is harmless; reading is not. */
public class CloseHelpers {
  // Negative: closed in the try to see its errors, closed quietly again in the finally.
  void closeThenCloseQuietly(Path p, byte[] data) throws IOException {
    OutputStream os = Files.newOutputStream(p);
    try {
      os.write(data);
      os.close();
    } finally {
      IOUtils.closeQuietly(os);
    }
  }

  // The nearest bug: read after the helper closed it.
  int readAfterCloseQuietly(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    IOUtils.closeQuietly(in);
    return in.read(); // expect: use-after-move
  }

  // Negative: the helper discharges the duty to close.
  void closedByTheHelper(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    try {
      in.read();
    } finally {
      IOUtils.closeQuietly(in);
    }
  }

  // Negative (Undertow's `Base64.encodeFileToFile`): XNIO's helper closes the stream in the
  // finally, whatever the try did.
  void closedByXnio(File f, byte[] data) throws IOException {
    OutputStream out = null;
    try {
      out = new BufferedOutputStream(new FileOutputStream(f));
      out.write(data);
    } finally {
      IoUtils.safeClose(out);
    }
  }

  // The nearest bug: written to after XNIO's helper closed it.
  void writtenAfterSafeClose(File f, byte[] data) throws IOException {
    OutputStream out = new FileOutputStream(f);
    IoUtils.safeClose(out);
    out.write(data); // expect: use-after-move
  }

  // Negative: a null check that hands its argument back reads no state.
  void checkedAfterRelease(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.release();
    ObjectUtil.checkNotNull(buf, "buf");
  }

  // Negative: the same with the JDK's.
  void requiredAfterClose(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    in.close();
    Objects.requireNonNull(in, "in");
  }

  // A released buffer read after the null check: the read is the bug.
  int readAfterCheck(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.release();
    ObjectUtil.checkNotNull(buf, "buf");
    return buf.readableBytes(); // expect: use-after-move
  }

  private java.nio.channels.FileChannel segmentChannel;

  // Negative: Aeron's RecordingWriter — the file closed in the catch by Agrona's CloseHelper, the
  // failure rethrown unchecked (decision 337); on success its channel is kept in a field.
  void openSegment(File segment, long length) {
    java.io.RandomAccessFile file = null;
    try {
      file = new java.io.RandomAccessFile(segment, "rw");
      file.setLength(length);
      segmentChannel = file.getChannel();
    } catch (IOException ex) {
      org.agrona.CloseHelper.close(file);
      org.agrona.LangUtil.rethrowUnchecked(ex);
    }
  }

  // The nearest bug: the stream written to after the helper closed it.
  void writtenAfterQuietClose(Path p) throws IOException {
    OutputStream os = Files.newOutputStream(p);
    org.agrona.CloseHelper.quietClose(os);
    os.write(1); // expect: use-after-move
  }
}
