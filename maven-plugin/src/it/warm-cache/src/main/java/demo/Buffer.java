package demo;

public class Buffer {
  public void flip() {}
}
