package places;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** State a caller in another file changes through its fields (Calcite's Elasticsearch adapter). */
public class Implementor {
  final List<String> list = new ArrayList<>();
  final List<String> watchers = new CopyOnWriteArrayList<>();
  List<String> pending;
}
