package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * An owner put into a local collection is the collection's from then on (decision 175): released
 * through it or handed on with it. Netty's {@code PemReader.readCertificates} collects decoded
 * certificates into a local list and returns them as an array.
 */
public class LocalCollections {

  // Negative: collected, then handed on with the collection.
  ByteBuf[] certificates(List<byte[]> ders) {
    List<ByteBuf> certs = new ArrayList<>();
    for (byte[] der : ders) {
      ByteBuf cert = PooledByteBufAllocator.DEFAULT.buffer();
      cert.writeBytes(der);
      certs.add(cert);
    }
    return certs.toArray(new ByteBuf[0]);
  }

  // Negative: collected, then released through the collection.
  int total(List<byte[]> chunks) {
    List<ByteBuf> parts = new ArrayList<>();
    for (byte[] chunk : chunks) {
      ByteBuf part = PooledByteBufAllocator.DEFAULT.buffer();
      part.writeBytes(chunk);
      parts.add(part);
    }
    int n = 0;
    for (ByteBuf part : parts) {
      n += part.readableBytes();
      part.release();
    }
    return n;
  }

  // Positive, the nearest bug: an empty part is neither collected nor released.
  List<ByteBuf> nonEmpty(List<byte[]> chunks) {
    List<ByteBuf> parts = new ArrayList<>();
    for (byte[] chunk : chunks) {
      ByteBuf part = PooledByteBufAllocator.DEFAULT.buffer(); // expect: owned-value-leaked
      part.writeBytes(chunk);
      if (part.isReadable()) {
        parts.add(part);
      }
    }
    return parts;
  }
}
