package api;

import org.borrowck4j.annotations.Owned;

/** An annotated API in module A: sending takes the message. */
public interface Channel {
  void send(@Owned Message message);
}
