package interop;

import org.checkerframework.checker.mustcall.qual.NotOwning;
import org.checkerframework.checker.mustcall.qual.Owning;

/** Takes connections back (@Owning parameter) and lends one out (@NotOwning return). */
public class ConnectionPool {
  private @Owning Connection spare;

  public void giveBack(@Owning Connection c) {
    spare = c;
  }

  public @NotOwning Connection peek() {
    return spare;
  }
}
