package uam;

import java.io.IOException;
import org.borrowck4j.annotations.Owned;

/** A network channel (support type): write takes ownership even when it throws. */
public interface Channel {
  void write(@Owned Message message) throws IOException;

  void flush() throws IOException;

  Message read() throws IOException;
}
