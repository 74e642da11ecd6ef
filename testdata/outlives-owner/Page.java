package outlives;

import org.borrowck4j.annotations.Borrowed;

/** A page of records (support type): a plain class, an owner only where declared @Owned. */
public class Page {
  private final String[] records;

  public Page(String... records) {
    this.records = records;
  }

  /** A cursor over this page, borrowed from it. */
  @Borrowed
  public Cursor cursor() {
    return new Cursor(records);
  }
}
