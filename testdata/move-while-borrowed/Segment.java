package mwb;

/** A piece of a {@link Region} (support type). */
public class Segment {
  private final int[] data;

  Segment(int size) {
    this.data = new int[size];
  }

  public int get(int index) {
    return data[index];
  }

  public void set(int index, int value) {
    data[index] = value;
  }

  public int size() {
    return data.length;
  }
}
