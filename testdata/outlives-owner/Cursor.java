package outlives;

/** A cursor over a page (support type). */
public class Cursor {
  private final String[] records;
  private int next;

  Cursor(String[] records) {
    this.records = records;
  }

  public boolean hasNext() {
    return next < records.length;
  }

  public String next() {
    return records[next++];
  }
}
