package uam;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;
import org.borrowck4j.annotations.Retained;

/** Where buffers and messages go (support type). */
public interface Sink {
  /** Takes ownership of the buffer. */
  void accept(@Owned Buffer data);

  /** Takes ownership of the buffer; the length is read by the caller before the call. */
  void send(@Owned Buffer data, int length);

  /** Takes ownership of the message. */
  void publish(@Owned Message message);

  /** Takes ownership of the message whether or not it was accepted. */
  boolean offer(@Owned Message message);

  /** Only looks at the buffer during the call. */
  void inspect(@Borrowed Buffer data);

  /** Writes into the buffer during the call. */
  void fill(@Mut Buffer data);

  /** Keeps a reference to the message (the caller keeps its access too). */
  void register(@Retained Message message);

  /** Unannotated: a temporary shared borrow for the caller. */
  void log(Object value);
}
