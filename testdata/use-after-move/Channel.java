package uam;

import java.io.IOException;
import org.borrowck4j.annotations.Owned;

/** A network channel (support type): write takes ownership when it returns. */
public interface Channel {
  void write(@Owned Message message) throws IOException;

  void flush() throws IOException;

  Message read() throws IOException;
}
