package inference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A call on a value whose run-time classes the sources know, though its static type is an
 * interface: a final field (or a private one never assigned) holding an anonymous class, or a
 * getter returning such a field (decision 236). The call runs those classes' methods, and their
 * summaries speak for it when they agree (D23). A getter overridden by an analysed subclass gives
 * every override's classes (Redisson's codec warm-up, REDISSON-JSONCODEC-WARMUP-LEAK).
 */
public class AnonymousTargets {
  interface Encoder {
    ByteBuf encode(Object in) throws IOException;
  }

  interface Decoder {
    Object decode(ByteBuf buf) throws IOException;
  }

  static void write(OutputStream os, Object value) throws IOException {
    os.write(value.hashCode());
  }

  /** A codec whose encoder allocates the buffer it returns. */
  static class JsonCodec {
    private final Encoder encoder =
        new Encoder() {
          @Override
          public ByteBuf encode(Object in) throws IOException {
            ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
            try {
              ByteBufOutputStream os = new ByteBufOutputStream(out);
              write(os, in);
              return os.buffer();
            } catch (IOException e) {
              out.release();
              throw e;
            }
          }
        };

    private final Decoder decoder =
        new Decoder() {
          @Override
          public Object decode(ByteBuf buf) throws IOException {
            if (!buf.isReadable()) {
              throw new IOException("empty");
            }
            return buf.readByte();
          }
        };

    public Encoder getValueEncoder() {
      return encoder;
    }

    public Decoder getValueDecoder() {
      return decoder;
    }

    /** The warm-up leaks the encoded buffer when decoding throws into the catch. */
    void warmup() {
      try {
        ByteBuf d = getValueEncoder().encode("testValue"); // expect: owned-value-leaked
        getValueDecoder().decode(d);
        d.release();
      } catch (IOException e) {
        e.printStackTrace();
      }
    }

    /** The fix: the buffer is released in a finally. */
    void warmupReleased() {
      ByteBuf d = null;
      try {
        d = getValueEncoder().encode("testValue");
        getValueDecoder().decode(d);
      } catch (IOException e) {
        e.printStackTrace();
      } finally {
        if (d != null) {
          d.release();
        }
      }
    }

    /** The field itself: its class is the anonymous one. */
    int encodedLength(Object value) throws IOException {
      ByteBuf b = encoder.encode(value); // expect: owned-value-leaked
      return b.readableBytes();
    }
  }

  /** A subclass whose getter returns another field: the call has two targets, and they agree. */
  static class TypedJsonCodec extends JsonCodec {
    private final Encoder encoder =
        new Encoder() {
          @Override
          public ByteBuf encode(Object in) {
            ByteBuf out = ByteBufAllocator.DEFAULT.heapBuffer();
            out.writeCharSequence(String.valueOf(in), java.nio.charset.StandardCharsets.UTF_8);
            return out;
          }
        };

    @Override
    public Encoder getValueEncoder() {
      return encoder;
    }
  }

  /** An encoder that hands out a view of a buffer its codec keeps: nothing to release. */
  static class SharedCodec {
    private final ByteBuf shared = ByteBufAllocator.DEFAULT.buffer();

    private final Encoder encoder =
        new Encoder() {
          @Override
          public ByteBuf encode(Object in) {
            return shared.duplicate();
          }
        };

    public Encoder getValueEncoder() {
      return encoder;
    }

    // Negative: the encoder returns a borrowed view, not a buffer of the caller's own.
    int encodedLength(Object value) throws IOException {
      ByteBuf b = getValueEncoder().encode(value);
      return b.readableBytes();
    }

    void close() {
      shared.release();
    }
  }

  /** A codec one of whose subclasses encodes into a view of a kept buffer: the targets disagree. */
  static class BaseCodec {
    private final Encoder encoder =
        new Encoder() {
          @Override
          public ByteBuf encode(Object in) {
            ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
            out.writeInt(in.hashCode());
            return out;
          }
        };

    public Encoder getValueEncoder() {
      return encoder;
    }

    // Negative: one override's encoder returns a borrowed view; nothing is inferred.
    int encodedLength(Object value) throws IOException {
      ByteBuf b = getValueEncoder().encode(value);
      return b.readableBytes();
    }
  }

  static class CachingCodec extends BaseCodec {
    private final ByteBuf cache = ByteBufAllocator.DEFAULT.buffer();

    private final Encoder encoder =
        new Encoder() {
          @Override
          public ByteBuf encode(Object in) {
            return cache.slice();
          }
        };

    @Override
    public Encoder getValueEncoder() {
      return encoder;
    }

    void close() {
      cache.release();
    }
  }

  /** A field anyone may assign: its class is not known from its initializer. */
  static class SettableCodec {
    Encoder encoder =
        new Encoder() {
          @Override
          public ByteBuf encode(Object in) {
            return ByteBufAllocator.DEFAULT.buffer();
          }
        };

    void use(Encoder other) {
      encoder = other;
    }

    // Negative: `encoder` may hold any encoder by now; nothing is assumed of it.
    int encodedLength(Object value) throws IOException {
      ByteBuf b = encoder.encode(value);
      return b.readableBytes();
    }
  }
}
