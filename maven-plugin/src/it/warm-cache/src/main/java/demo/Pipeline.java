package demo;

import org.borrowck4j.annotations.Owned;

public class Pipeline {
  void run(Sink sink, @Owned Buffer buf) {
    sink.accept(buf);
    buf.flip();
  }
}
