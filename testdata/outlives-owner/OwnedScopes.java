package outlives;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.borrowck4j.annotations.Owned;

/** Owners dropped at the end of their block: user owned types, @Owned locals and parameters. */
public class OwnedScopes {

  // A view of a block-local region read after the block.
  int viewAfterBlock() {
    View v;
    {
      Region r = new Region(4);
      v = r.view();
    }
    return v.read(0); // expect: outlives-owner
  }

  // A cursor of an @Owned local page used after the block; later uses are not reported again.
  String cursorAfterBlock() {
    Cursor c;
    {
      @Owned Page page = new Page("a", "b");
      c = page.cursor();
    }
    if (c.hasNext()) { // expect: outlives-owner
      return c.next();
    }
    return "";
  }

  // A borrow of a borrow is a loan on the same root owner.
  int subViewAfterBlock() {
    View inner;
    {
      Region r = new Region(8);
      View whole = r.view();
      inner = whole.sub(2);
    }
    return inner.length(); // expect: outlives-owner
  }

  // A view of a region created in the loop body, read after the loop.
  int viewAfterLoop(int n) {
    View last = null;
    for (int i = 1; i <= n; i++) {
      Region r = new Region(i);
      last = r.view();
    }
    return last.length(); // expect: outlives-owner
  }

  // A view of a try-with-resources region, read after the try.
  int viewAfterTry() {
    View v;
    try (Region r = new Region(2)) {
      v = r.view();
    }
    return v.read(1); // expect: outlives-owner
  }

  // Returning a view of a local region.
  View returnLocalView() {
    Region r = new Region(16);
    return r.view(); // expect: outlives-owner
  }

  // Returning a view of an @Owned parameter: the parameter is dropped when the method returns.
  View returnParameterView(@Owned Region r) {
    return r.view(); // expect: outlives-owner
  }

  // A slice of a buffer owned by an inner block, read after it (the buffer also leaks).
  byte sliceAfterBlock() {
    ByteBuf slice;
    {
      @Owned ByteBuf buf = Unpooled.buffer(16); // expect: owned-value-leaked
      buf.writeByte(1);
      slice = buf.slice();
    }
    return slice.readByte(); // expect: outlives-owner
  }

  // Negative: the view is used only inside the block.
  int viewInside() {
    Region r = new Region(4);
    View v = r.view();
    return v.read(0) + v.length();
  }

  // Negative: a value read through the view is kept, not the view.
  int copiedValue() {
    int first;
    {
      Region r = new Region(4);
      first = r.view().read(0);
    }
    return first;
  }

  // Negative: the region moves to a variable of the outer block, which the view borrows.
  int movedOut() {
    Region keep;
    View v;
    {
      Region r = new Region(3);
      keep = r;
      v = keep.view();
    }
    return v.read(2);
  }

  // Negative: the view variable gets a view of a live region before it is used again.
  int reassignedBeforeUse(Region outer) {
    View v;
    {
      Region r = new Region(2);
      v = r.view();
      v.read(0);
    }
    v = outer.view();
    return v.read(0);
  }

  // Negative: the region itself is returned (a move), after its view's last use.
  Region returnOwner() {
    Region r = new Region(5);
    View v = r.view();
    v.read(4);
    return r;
  }

  // Negative: a slice used while its buffer lives; the buffer is released once.
  byte sliceInside() {
    ByteBuf buf = Unpooled.buffer(4);
    buf.writeByte(7);
    ByteBuf slice = buf.slice();
    byte b = slice.readByte();
    buf.release();
    return b;
  }

  // Negative: a plain list is not dropped at its block end; its iterator lives on.
  String plainListAfterBlock(String x) {
    Iterator<String> it;
    {
      List<String> list = new ArrayList<>();
      list.add(x);
      it = list.iterator();
    }
    return it.next();
  }
}
