package places;

/** `Callback` is a member type inherited from the interface: its field is tracked all the same. */
public class RelProject implements Rel {

  // Calcite's ElasticsearchProject.implement, as it was before the fix.
  @Override
  public void implement(Callback callback) {
    for (String field : callback.fields) {
      if (field.startsWith("\"_source\"")) {
        callback.fields.remove(field); // expect: conflicting-borrow
      }
    }
  }

  // The member type named again, in another method: the same type, however often it is resolved
  // and in whatever order the names are asked for.
  void prune(Callback callback) {
    for (String field : callback.fields) {
      if (field.isEmpty()) {
        callback.fields.remove(field); // expect: conflicting-borrow
      }
    }
  }

  // Negative: the fix.
  void implementFixed(Callback callback) {
    callback.fields.removeIf(field -> field.startsWith("\"_source\""));
  }
}
