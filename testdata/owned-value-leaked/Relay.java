package leaks;

import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/** A service whose sessions (support type) are a member type its implementations inherit. */
public interface Relay {
  @Owned
  class Session {
    public int id() {
      return 0;
    }

    /** Ends the session. Ending it twice is a protocol error. */
    @Consumes
    public void end() {}
  }
}
