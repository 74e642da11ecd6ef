package interop;

/** A resource written for the Checker Framework's Resource Leak Checker, not for borrowck4j. */
public class Connection {
  public int send(String line) {
    return line.length();
  }
}
