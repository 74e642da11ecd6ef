package showcase.pipeline;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/** Sends frames to the network. Sending takes ownership: the transport releases the frame. */
public interface Transport {
  void send(@Owned Frame frame);

  /** Only looks at the frame: the caller keeps it. */
  void trace(@Borrowed Frame frame);

  boolean isOpen();
}
