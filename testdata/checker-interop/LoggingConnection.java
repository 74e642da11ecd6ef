package interop;

import org.checkerframework.checker.mustcall.qual.MustCallAlias;

/** A wrapper that takes over the connection it wraps (@MustCallAlias). */
public class LoggingConnection {
  private final Connection inner;

  public @MustCallAlias LoggingConnection(@MustCallAlias Connection inner) {
    this.inner = inner;
  }

  public int send(String line) {
    return inner.send("> " + line);
  }
}
