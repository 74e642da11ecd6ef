package places;

/**
 * Fields of a parameter whose class is declared in another file: a field initialised with an
 * ordinary collection is tracked (decision 142); one holding a concurrent collection, or one whose
 * value is not known from its declaration, is not.
 */
public class Project {

  // Calcite's ElasticsearchProject (CALCITE-ES-PROJECT-CME): the list is a field of the parameter.
  void implement(Implementor implementor) {
    for (String field : implementor.list) {
      if (field.startsWith("\"_source\"")) {
        implementor.list.remove(field); // expect: conflicting-borrow
      }
    }
  }

  // Negative: the fix, removeIf.
  void implementFixed(Implementor implementor) {
    implementor.list.removeIf(field -> field.startsWith("\"_source\""));
  }

  // Negative: a copy-on-write list tolerates the change.
  void unwatch(Implementor implementor) {
    for (String w : implementor.watchers) {
      if (w.isEmpty()) {
        implementor.watchers.remove(w);
      }
    }
  }

  // Negative: what the field holds is not known from its declaration: nothing is guessed.
  void flush(Implementor implementor) {
    for (String p : implementor.pending) {
      if (p.isEmpty()) {
        implementor.pending.remove(p);
      }
    }
  }
}
