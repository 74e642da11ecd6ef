package escapes;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** Methods declared @Borrowed may return what they borrow. */
public class Getters {
  private final Packet packet = new Packet();

  // Negative: a @Borrowed getter returning a view of a field.
  @Borrowed
  public Window payload() {
    return packet.payload();
  }

  // Negative: a @Borrowed getter returning the field itself.
  @Borrowed
  public Packet packet() {
    return packet;
  }

  // Negative: @Borrowed(from = "p") returning a view of p.
  @Borrowed(from = "p")
  public static Window payloadOf(@Borrowed Packet p) {
    return p.payload();
  }

  // Negative: @Borrowed(from = "buf") returning a slice of buf.
  @Borrowed(from = "buf")
  public static ByteBuf headerOf(@Borrowed ByteBuf buf) {
    return buf.slice(0, 4);
  }

  // Negative: @Borrowed(from = "p") returning p itself through an explicit borrow local.
  @Borrowed(from = "p")
  public static Packet identity(@Mut Packet p) {
    @Mut Packet same = p;
    return same;
  }

  // Negative: @Borrowed(from = "names") returning a view of a lent list.
  @Borrowed(from = "names")
  public static List<String> firstTwo(@Borrowed List<String> names) {
    return names.subList(0, 2);
  }

  // The same view returned without the annotation.
  public static List<String> firstTwoUnannotated(@Borrowed List<String> names) {
    return names.subList(0, 2); // expect: borrow-escapes
  }

  // Returned through a ternary from a method not declared @Borrowed.
  public static Packet larger(@Borrowed Packet a, @Borrowed Packet b) {
    return a.length() >= b.length() ? a : b; // expect: borrow-escapes
  }

  // Negative: a fresh value computed from the lent packet is returned.
  public static byte[] copyOf(@Borrowed Packet p) {
    byte[] out = new byte[p.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.at(i);
    }
    return out;
  }
}
