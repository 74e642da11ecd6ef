package demo;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.annotations.Owned;

public class Pipeline {
  void run(Sink sink, @Owned Buffer buf) {
    buf.flip();
    sink.accept(buf);
  }

  void prune(List<String> names) {
    names.removeIf(String::isEmpty);
    for (String n : new ArrayList<>(names)) {
      names.remove(n);
    }
  }
}
