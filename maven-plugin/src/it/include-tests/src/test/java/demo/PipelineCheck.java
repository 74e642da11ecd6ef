package demo;

import org.borrowck4j.annotations.Owned;

public class PipelineCheck {
  void reuse(Sink sink, @Owned Buffer buf) {
    sink.accept(buf);
    sink.accept(buf);
  }
}
