package misuse;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** @Consumes and @Mut describe a call's receiver: a static method has none. */
public class Receivers {
  private static final List<Buffer> POOL = new ArrayList<>();
  private final List<Buffer> mine = new ArrayList<>();

  // The finding is on the annotation's own line.
  @Consumes // expect: annotation-misuse
  static void closeAll() {
    POOL.clear();
  }

  @Mut static void grow() { // expect: annotation-misuse
    POOL.add(new Buffer());
  }

  // Negatives: a static method's result may be owned or borrowed (`Arena.global()` is a borrow).
  @Owned static Buffer allocate() {
    return new Buffer();
  }

  @Borrowed static List<Buffer> shared() {
    return POOL;
  }

  // Negative: a parameter says what a static method does to its argument.
  static void releaseInto(@Owned Buffer b) {
    b.release();
  }

  // Negatives: instance methods, also of records and enum constants, and interface methods.
  @Mut void add(Buffer b) {
    mine.add(b);
  }

  @Consumes void dispose() {}

  record Window(List<Buffer> buffers) {
    @Mut void push(Buffer b) {
      buffers.add(b);
    }
  }

  enum Mode {
    APPEND {
      @Mut @Override void apply(List<Buffer> to) {
        to.add(new Buffer());
      }
    };

    @Mut abstract void apply(List<Buffer> to);
  }

  interface Resource {
    @Consumes void close();

    @Mut void reset();
  }

  // Negative: a constructor initialises its object; @Mut on it says nothing false.
  @Mut Receivers() {}
}
