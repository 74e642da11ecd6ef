package places;

import java.util.ArrayList;
import java.util.List;

/** An interface declaring the callback class its implementations are given (Calcite's ElasticsearchRel). */
public interface Rel {
  class Callback {
    final List<String> fields = new ArrayList<>();
  }

  void implement(Callback callback);
}
