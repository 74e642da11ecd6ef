package demo;

public class Broken {
  void m( {
  }
}
