package demo;

import org.borrowck4j.annotations.Owned;

public interface Sink {
  void accept(@Owned Buffer data);
}
