package uam;

import org.borrowck4j.annotations.Consumes;

/** A user AutoCloseable (support type) whose close() is idempotent. */
public final class Connection implements AutoCloseable {
  private final String host;

  private Connection(String host) {
    this.host = host;
  }

  public static Connection open(String host) {
    return new Connection(host);
  }

  public void send(String line) {
    System.out.println(host + " <- " + line);
  }

  @Consumes(idempotent = true)
  @Override
  public void close() {}
}
