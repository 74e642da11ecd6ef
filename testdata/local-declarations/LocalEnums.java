package localdecl;

import java.util.List;
import java.util.function.Function;

/**
 * Local enums are valid Java since 16, but the parser cannot read them: the method that declares
 * one is skipped with a warning, and the rest of the file is analysed as if it were not there.
 */
public class LocalEnums {
  void before(List<String> names) {
    for (String n : names) {
      names.add(n); // expect: conflicting-borrow
    }
  }

  int declaresOne(List<String> names) { // expect-warning: skipped LocalEnums.declaresOne
    enum State {
      EMPTY,
      FULL {
        @Override
        String describe() {
          return "full";
        }
      };

      String describe() {
        return name();
      }
    }
    State s = names.isEmpty() ? State.EMPTY : State.FULL;
    for (String n : names) {
      names.add(n + s.describe()); // not analysed: the method is skipped
    }
    return s.ordinal();
  }

  // One inside a lambda: the whole method around it is skipped, the lambda with it.
  Function<List<String>, Integer> inLambda() { // expect-warning: skipped LocalEnums.inLambda
    return names -> {
      enum Size { SMALL, LARGE }
      for (String n : names) {
        names.remove(n); // not analysed
      }
      return (names.size() > 10 ? Size.LARGE : Size.SMALL).ordinal();
    };
  }

  // Local interfaces and records are read by the parser: analysed as usual.
  int localTypes(List<String> names) {
    interface Counter {
      int count(List<String> in);
    }
    record Pair(String left, String right) {}
    Counter counter = List::size;
    for (String n : names) {
      names.add(new Pair(n, n).left()); // expect: conflicting-borrow
    }
    return counter.count(names);
  }

  void after(List<String> names) {
    for (String n : names) {
      names.remove(n); // expect: conflicting-borrow
    }
  }
}
