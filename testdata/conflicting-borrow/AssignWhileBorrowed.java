package cb;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.borrowck4j.annotations.Owned;

/** Assigning an owner a new value while a borrow of its old value is used later (E0506). */
public class AssignWhileBorrowed {
  @Owned private Matrix current = Matrix.identity(2);

  // The owner gets a new value while `top` still reads a row of the old one.
  int replaceUnderRow(int n) {
    Matrix m = Matrix.identity(n);
    Row top = m.row(0);
    m = Matrix.identity(n + 1); // expect: conflicting-borrow
    return top.first() + m.size();
  }

  // Negative: the row's last use comes before the assignment.
  int replaceAfterRow(int n) {
    Matrix m = Matrix.identity(n);
    Row top = m.row(0);
    int first = top.first();
    m = Matrix.identity(n + 1);
    return first + m.size();
  }

  // Negative: the row is taken again from the new value.
  int rowOfNewValue(int n) {
    Matrix m = Matrix.identity(n);
    Row top = m.row(0);
    m = Matrix.identity(n + 1);
    top = m.row(0);
    return top.first();
  }

  // A field that owns its matrix, replaced while a row of it is used later.
  int replaceField() {
    Row r = current.row(0);
    current = Matrix.identity(3); // expect: conflicting-borrow
    return r.first();
  }

  // Negative: forgetting the value (`= null`) gives up nothing the row reads.
  int forget(int n) {
    Matrix m = Matrix.identity(n);
    Row top = m.row(0);
    m = null;
    return top.first();
  }

  // Negative: a plain list variable pointed elsewhere; the iterator keeps the old list alive.
  String switchLists(List<String> names, List<String> others) {
    Iterator<String> it = names.iterator();
    names = others;
    return it.next() + names.size();
  }

  // Negative: a stream replaced by the stream derived from it, in a loop.
  long filterRepeatedly(List<String> words, int rounds) {
    Stream<String> s = Stream.of("a", "bb", "ccc");
    for (int i = 0; i < rounds; i++) {
      int min = i;
      s = s.filter(w -> w.length() > min);
    }
    return s.count() + words.size();
  }
}
