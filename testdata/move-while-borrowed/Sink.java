package mwb;

import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/** Where owned values go (support type). */
public interface Sink {
  /** Takes ownership of the message. */
  void send(@Owned Message message);

  /** Takes ownership of the region. */
  void adopt(@Owned Region region);

  /** Takes ownership of the buffer (and releases it eventually). */
  void accept(@Owned Buffer buffer);

  /** Takes ownership of the list. */
  void store(@Owned List<String> names);

  /** Only looks at the region during the call. */
  void inspect(@Borrowed Region region);

  /** Only looks at the buffer during the call. */
  void peek(@Borrowed Buffer buffer);

  /** Takes ownership of the message, filed under a header read during the call. */
  void sendTagged(Header tag, @Owned Message message);

  /** Takes ownership of the message, filed under a name. */
  void sendNamed(String name, @Owned Message message);
}
