package models;

import java.nio.ByteBuffer;

/** The superclass of {@link InheritedFields}, in a file of its own: its fields are inherited there. */
public class ReceivingBase {
  protected ByteBuffer incoming = ByteBuffer.allocate(64);
  protected int expected = 8;
}
