package parity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/**
 * E0521, "borrowed data escapes outside of function/closure", translated from rustc's error-code
 * docs and UI tests: a {@code @Borrowed} parameter is valid only during the call, and storing it
 * where it outlives the call lets it escape. Reported as borrow-escapes (BC004).
 */
public class E0521 {
  private final List<Vec> list = new ArrayList<>();
  private final Map<String, List<Vec>> byKey = new HashMap<>();
  private Vec kept;

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md: `list.push(el)` with `el` only
  // valid in the body
  void pushIntoOuterList(@Borrowed Vec el) {
    list.add(el); // expect: borrow-escapes
  }

  // mirrors: tests/ui/regions/regions-static-bound.rs: `static_id(&u)`, the borrow handed to a
  // function that requires it to live forever
  void handToAKeeper(@Borrowed Vec u) {
    Vecs.keep(u); // expect: borrow-escapes
  }

  // mirrors: tests/ui/regions/region-invariant-static-error-reporting.rs: `let bad = if .. { x.unwrap() }
  // else { mk_static() }; f(bad);`, the borrow escaping through a local
  void storeThroughALocal(boolean c, @Borrowed Vec x) {
    Vec bad = c ? x : Vec.of();
    this.kept = bad; // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md, the list an element of a field's map
  void pushIntoAMapsList(String k, @Borrowed Vec el) {
    this.byKey.get(k).add(el); // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md, through `entry(k).or_default()`
  void pushIntoAComputedList(String k, @Borrowed Vec el) {
    byKey.computeIfAbsent(k, key -> new ArrayList<>()).add(el); // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md, the outer list named by a local
  void pushThroughALocalAlias(@Borrowed Vec el) {
    List<Vec> l = this.list;
    l.add(el); // expect: borrow-escapes
  }

  class Inner {
    // mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md, the outer list of an
    // enclosing instance (`Outer.this.list`)
    void pushIntoTheEnclosingList(@Borrowed Vec el) {
      E0521.this.list.add(el); // expect: borrow-escapes
    }
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md (fixed): the list lives
  // no longer than the borrow
  int pushIntoALocalList(@Borrowed Vec el) {
    List<Vec> local = new ArrayList<>();
    local.add(el);
    return local.size();
  }

  // Negative. mirrors: tests/ui/regions/regions-static-bound.rs, fixed: an owned copy is kept
  void handACopyToAKeeper(@Borrowed Vec u) {
    Vecs.keep(u.copy());
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md: a value the method owns
  // (`el: Vec`, not `&Vec`) may be stored
  void pushAnOwnedValue(@Owned Vec el) {
    list.add(el);
  }

  // Negative. mirrors: tests/ui/regions/region-invariant-static-error-reporting.rs, fixed: only a
  // value computed from the borrow is kept
  void storeALength(@Borrowed Vec x) {
    Vec len = Vec.of(x.len());
    this.kept = len;
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0521.md (fixed): an element of a
  // map the method made
  int pushIntoALocalMapsList(List<String> keys, @Borrowed Vec el) {
    Map<String, List<Vec>> local = new HashMap<>();
    for (String k : keys) {
      local.computeIfAbsent(k, key -> new ArrayList<>()).add(el);
    }
    return local.size();
  }
}
