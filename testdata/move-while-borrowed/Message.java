package mwb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** A message (support type); an owned type whose header is borrowed from it. */
@Owned
public class Message {
  private final Header header;
  private final String body;

  public Message(String id, String body) {
    this.header = new Header(id);
    this.body = body;
  }

  /** The header, borrowed from this message. */
  @Borrowed
  public Header header() {
    return header;
  }

  /** Takes the other message's body into this one (the other is used up). */
  @Mut
  public void absorb(@Owned Message other) {
    other.length();
  }

  public int length() {
    return body.length();
  }
}
