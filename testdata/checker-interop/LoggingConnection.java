package interop;

import org.checkerframework.checker.mustcall.qual.MustCallAlias;

/** A wrapper around a connection (@MustCallAlias): closing it closes the connection. */
public class LoggingConnection {
  private final Connection inner;

  public @MustCallAlias LoggingConnection(@MustCallAlias Connection inner) {
    this.inner = inner;
  }

  public int send(String line) {
    return inner.send("> " + line);
  }

  @org.borrowck4j.annotations.Consumes
  public void close() {
    inner.send("closed");
  }
}
