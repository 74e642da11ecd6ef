package leaks;

/** A pooled session is owned like the inherited member type it extends, whatever was resolved first. */
public class PooledSessions {
  int neverEnded() {
    RelayImpl.Pooled session = new RelayImpl.Pooled(); // expect: owned-value-leaked
    return session.id();
  }

  // Negative: ended.
  int ended() {
    RelayImpl.Pooled session = new RelayImpl.Pooled();
    int id = session.id();
    session.end();
    return id;
  }
}
