package mwb;

/** Message headers (support type). */
public class Header {
  private final String id;

  Header(String id) {
    this.id = id;
  }

  public String get(String name) {
    return "id".equals(name) ? id : null;
  }
}
