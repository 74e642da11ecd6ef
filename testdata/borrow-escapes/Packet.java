package escapes;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** A packet (support type): a plain class, lent to methods through @Borrowed/@Mut parameters. */
public class Packet {
  private final byte[] bytes = new byte[32];
  private int length;

  @Mut
  public void append(byte b) {
    bytes[length++] = b;
  }

  public int length() {
    return length;
  }

  public byte at(int i) {
    return bytes[i];
  }

  /** The payload after the header, borrowed from this packet. */
  @Borrowed
  public Window payload() {
    return new Window(bytes, 4, length);
  }
}
