package org.borrowck4j.analyzer.model;

import java.util.Map;
import org.borrowck4j.analyzer.types.ImportContext;

/**
 * Which annotations carry ownership contracts: ours, and the Checker Framework's must-call
 * annotations read as their equivalents (DESIGN.md "Annotations", interoperability).
 */
public final class AnnotationNames {
  private AnnotationNames() {}

  public static final String PACKAGE = "org.borrowck4j.annotations";
  public static final String OWNED = PACKAGE + ".Owned";
  public static final String BORROWED = PACKAGE + ".Borrowed";
  public static final String MUT = PACKAGE + ".Mut";
  public static final String CONSUMES = PACKAGE + ".Consumes";
  public static final String RETAINED = PACKAGE + ".Retained";

  public static final String CHECKER_PACKAGE = "org.checkerframework.checker.mustcall.qual";
  public static final String OWNING = CHECKER_PACKAGE + ".Owning";
  public static final String NOT_OWNING = CHECKER_PACKAGE + ".NotOwning";
  public static final String MUST_CALL_ALIAS = CHECKER_PACKAGE + ".MustCallAlias";

  /**
   * Model vocabulary, for stub files only (there are no such classes): {@code @MustRelease} marks
   * owners that must be released (D11), {@code @WeaklyConsistent} collections whose
   * iterators tolerate concurrent modification (D7), {@code @NoEffect} methods that do
   * nothing to ownership although a supertype's model says otherwise; {@code @ReplacesIfPresent},
   * {@code @Keys}, {@code @Entries} and {@code @EntryKey} say which map operations only replace a
   * value when given a key the map contains, and where such keys come from (D24).
   */
  public static final String MODEL_PACKAGE = "org.borrowck4j.model";

  public static final String MUST_RELEASE = MODEL_PACKAGE + ".MustRelease";
  public static final String WEAKLY_CONSISTENT = MODEL_PACKAGE + ".WeaklyConsistent";
  public static final String NO_EFFECT = MODEL_PACKAGE + ".NoEffect";
  public static final String NO_RETURN = MODEL_PACKAGE + ".NoReturn";
  public static final String NO_THROW = MODEL_PACKAGE + ".NoThrow";
  public static final String NEEDS_OPEN = MODEL_PACKAGE + ".NeedsOpen";
  public static final String WORKS_WHEN_CLOSED = MODEL_PACKAGE + ".WorksWhenClosed";
  public static final String REPLACES_IF_PRESENT = MODEL_PACKAGE + ".ReplacesIfPresent";
  public static final String KEYS = MODEL_PACKAGE + ".Keys";
  public static final String ENTRIES = MODEL_PACKAGE + ".Entries";
  public static final String ENTRY_KEY = MODEL_PACKAGE + ".EntryKey";
  public static final String CURRENT = MODEL_PACKAGE + ".Current";
  public static final String ELEMENT = MODEL_PACKAGE + ".Element";
  public static final String RUNS_IN_PLACE = MODEL_PACKAGE + ".RunsInPlace";
  public static final String BINDS_LATE = MODEL_PACKAGE + ".BindsLate";
  public static final String LIVE_VIEW = MODEL_PACKAGE + ".LiveView";
  public static final String COLLECTED_WHEN_DROPPED = MODEL_PACKAGE + ".CollectedWhenDropped";
  public static final String TRUE_IF_CHANGED = MODEL_PACKAGE + ".TrueIfChanged";
  public static final String STORED_UNREAD = MODEL_PACKAGE + ".StoredUnread";
  public static final String HELD_ALIVE = MODEL_PACKAGE + ".HeldAlive";
  public static final String BECOMES_ELEMENT = MODEL_PACKAGE + ".BecomesElement";
  public static final String MAY_BE_RECEIVER = MODEL_PACKAGE + ".MayBeReceiver";
  public static final String THROWS_DECLARED = MODEL_PACKAGE + ".ThrowsDeclared";
  public static final String CONSTRUCTOR_ARGUMENT = MODEL_PACKAGE + ".ConstructorArgument";
  public static final String TRUE_IF_NULL = MODEL_PACKAGE + ".TrueIfNull";
  public static final String TRUE_IF_NON_NULL = MODEL_PACKAGE + ".TrueIfNonNull";

  public enum Meaning {
    OWNED,
    BORROWED,
    MUT,
    CONSUMES,
    RETAINED,
    /** Checker Framework {@code @Owning}: read as {@code @Owned}. */
    OWNING,
    /** Checker Framework {@code @NotOwning}: read as {@code @Borrowed} on a return. */
    NOT_OWNING,
    /** Checker Framework {@code @MustCallAlias}: an owned parameter whose result wraps it. */
    MUST_CALL_ALIAS,
    /** Model vocabulary: values must be released (closed, released) before they are dropped. */
    MUST_RELEASE,
    /** Model vocabulary: a collection whose iterators are weakly consistent. */
    WEAKLY_CONSISTENT,
    /** Model vocabulary: calling the method does nothing to ownership, whatever supertypes say. */
    NO_EFFECT,
    /** Model vocabulary: the method never returns normally (it always throws, or exits). */
    NO_RETURN,
    /**
     * Model vocabulary: the method reports failure otherwise than by throwing (Netty's writes
     * and promises report it through the future): no handler is reached from a call of it.
     */
    NO_THROW,
    /**
     * Model vocabulary: calling the method on a closed resource fails (on a type: every method it
     * declares does, but those marked {@code @WorksWhenClosed}; D21).
     */
    NEEDS_OPEN,
    /** Model vocabulary: the method works on a closed or consumed value: it is no use of it (D21). */
    WORKS_WHEN_CLOSED,
    /**
     * Model vocabulary, on a map method's key parameter: when the argument is a key the receiver
     * already contains, the call replaces a value in place and is no structural modification (D24).
     */
    REPLACES_IF_PRESENT,
    /** Model vocabulary: iterating the method's result yields the receiver map's keys ({@code keySet()}). */
    KEYS,
    /** Model vocabulary: iterating the method's result yields the receiver map's entries ({@code entrySet()}). */
    ENTRIES,
    /** Model vocabulary: the method returns the key of the entry it is called on ({@code Map.Entry.getKey()}). */
    ENTRY_KEY,
    /**
     * Model vocabulary, on an iterator's {@code next()}: the result is the iteration's current
     * element, a key the map contains when the iterator is over one of its {@code @Keys} views (an
     * entry of it over an {@code @Entries} view) — D24 for explicit iterators (decision 289).
     */
    CURRENT,
    /**
     * Model vocabulary: the result is an element the receiver holds ({@code Map.get}'s value): it
     * is where the receiver is, so what is stored into it is kept by the receiver, and its type is
     * the receiver's type argument that the declared result names.
     */
    ELEMENT,
    /**
     * Model vocabulary, on a functional parameter: the method runs the function only during the
     * call, inside its borrow of the receiver (D22: {@code forEach}, {@code removeIf}, stream
     * operations); a structural change of the receiver from inside it conflicts.
     */
    RUNS_IN_PLACE,
    /**
     * Model vocabulary, on a method returning a borrowed stream over the receiver: the stream
     * binds to the collection only when its terminal operation runs (D22), so changing the
     * collection before that is no conflict ({@code Collection.stream()}).
     */
    BINDS_LATE,
    /**
     * Model vocabulary, on a method returning a borrowed view of the receiver map ({@code keySet()},
     * {@code values()}, {@code entrySet()}, {@code headMap(k)}): the view is backed by the map, so
     * the map's changes, structural ones included, are reflected in it and it stays valid; only an
     * iteration over it fails fast (D7, decision 278). Not {@code List.subList}, whose semantics
     * become undefined when the list is structurally modified otherwise than through it.
     */
    LIVE_VIEW,
    /**
     * Model vocabulary, on a method returning an owner: what it returns holds only memory the
     * collector reclaims (Netty's heap buffers around or copied from the caller's data), so
     * dropping it leaks nothing; a use after its release still is one (D11, decision 332).
     */
    COLLECTED_WHEN_DROPPED,
    /**
     * Model vocabulary, on a {@code @Mut} method returning {@code boolean}: the result is true
     * exactly when the call changed the receiver ("true if this collection changed as a result of
     * the call": {@code Collection.remove}, {@code removeAll}, {@code add} of a set). A branch
     * taken on a false result saw no change (decision 284).
     */
    TRUE_IF_CHANGED,
    /**
     * Model vocabulary, on a parameter: the method stores the reference it is given without
     * reading the object during the call ({@code List.add(e)}, a map's value in {@code put}): the
     * receiver given to itself there ({@code list.add(list)}, which {@code List} permits) is no
     * operand borrowed across the call's change (decision 286). Not a map's key nor a set's
     * element, which are hashed.
     */
    STORED_UNREAD,
    /**
     * Model vocabulary, on an {@code @Owned} parameter: the new owner keeps the value alive as long
     * as it lives itself ({@code CompositeByteBuf.addComponent(buf)}: the composite holds the
     * component until it is released), so reading the value after the move is no use of what
     * moved; releasing it or handing it on again is (decision 290).
     */
    HELD_ALIVE,
    /**
     * Model vocabulary, on a parameter of a factory: each argument becomes an element of the
     * collection it returns ({@code Arrays.asList(a)}, {@code List.of(a, b)}): a method that closes
     * each element of a collection it is given closes them (decision 319). Nothing else: the
     * collection is no handle on its elements.
     */
    BECOMES_ELEMENT,
    /**
     * Model vocabulary, on a parameter of a {@code @Mut} method: the library documents the call
     * with the receiver itself as the argument ({@code c.removeAll(c)} empties {@code c}, {@code
     * c.retainAll(c)} keeps it), so the object itself given there borrows nothing across the
     * change; a view of it still does (decision 320).
     */
    MAY_BE_RECEIVER,
    /**
     * Model vocabulary, on a type: its methods are written with the library's throws clauses, so
     * one without a clause throws no checked exception (elsewhere a model's silence says nothing,
     * the models having been written without throws clauses; D9, decision 169).
     */
    THROWS_DECLARED,
    /**
     * Model vocabulary, on a method: the result is the very value the receiver was constructed
     * with, the argument of its constructor's parameter that the annotation names (Netty's
     * {@code ByteBufOutputStream.buffer()}, decision 235). Nothing is said of ownership: the
     * receiver neither owns nor releases it.
     */
    CONSTRUCTOR_ARGUMENT,
    /**
     * Model vocabulary, on a method of one parameter returning {@code boolean}: the result is
     * {@code arg == null} ({@code Objects.isNull}), a null test as the operator is (decision 334).
     */
    TRUE_IF_NULL,
    /** Model vocabulary: the result is {@code arg != null} ({@code Objects.nonNull}, decision 334). */
    TRUE_IF_NON_NULL,
    NONE
  }

  private static final Map<String, Meaning> BY_QUALIFIED_NAME =
      Map.ofEntries(
          Map.entry(OWNED, Meaning.OWNED),
          Map.entry(BORROWED, Meaning.BORROWED),
          Map.entry(MUT, Meaning.MUT),
          Map.entry(CONSUMES, Meaning.CONSUMES),
          Map.entry(RETAINED, Meaning.RETAINED),
          Map.entry(OWNING, Meaning.OWNING),
          Map.entry(NOT_OWNING, Meaning.NOT_OWNING),
          Map.entry(MUST_CALL_ALIAS, Meaning.MUST_CALL_ALIAS),
          Map.entry(MUST_RELEASE, Meaning.MUST_RELEASE),
          Map.entry(WEAKLY_CONSISTENT, Meaning.WEAKLY_CONSISTENT),
          Map.entry(NO_EFFECT, Meaning.NO_EFFECT),
          Map.entry(NO_RETURN, Meaning.NO_RETURN),
          Map.entry(NO_THROW, Meaning.NO_THROW),
          Map.entry(NEEDS_OPEN, Meaning.NEEDS_OPEN),
          Map.entry(WORKS_WHEN_CLOSED, Meaning.WORKS_WHEN_CLOSED),
          Map.entry(REPLACES_IF_PRESENT, Meaning.REPLACES_IF_PRESENT),
          Map.entry(KEYS, Meaning.KEYS),
          Map.entry(ENTRIES, Meaning.ENTRIES),
          Map.entry(ENTRY_KEY, Meaning.ENTRY_KEY),
          Map.entry(CURRENT, Meaning.CURRENT),
          Map.entry(ELEMENT, Meaning.ELEMENT),
          Map.entry(RUNS_IN_PLACE, Meaning.RUNS_IN_PLACE),
          Map.entry(BINDS_LATE, Meaning.BINDS_LATE),
          Map.entry(LIVE_VIEW, Meaning.LIVE_VIEW),
          Map.entry(COLLECTED_WHEN_DROPPED, Meaning.COLLECTED_WHEN_DROPPED),
          Map.entry(TRUE_IF_CHANGED, Meaning.TRUE_IF_CHANGED),
          Map.entry(STORED_UNREAD, Meaning.STORED_UNREAD),
          Map.entry(HELD_ALIVE, Meaning.HELD_ALIVE),
          Map.entry(BECOMES_ELEMENT, Meaning.BECOMES_ELEMENT),
          Map.entry(MAY_BE_RECEIVER, Meaning.MAY_BE_RECEIVER),
          Map.entry(THROWS_DECLARED, Meaning.THROWS_DECLARED),
          Map.entry(CONSTRUCTOR_ARGUMENT, Meaning.CONSTRUCTOR_ARGUMENT),
          Map.entry(TRUE_IF_NULL, Meaning.TRUE_IF_NULL),
          Map.entry(TRUE_IF_NON_NULL, Meaning.TRUE_IF_NON_NULL));

  /** The qualified names by simple name: most annotations met (@Override) are none of ours. */
  private static final Map<String, java.util.List<String>> BY_SIMPLE_NAME =
      BY_QUALIFIED_NAME.keySet().stream()
          .sorted()
          .collect(
              java.util.stream.Collectors.groupingBy(
                  q -> q.substring(q.lastIndexOf('.') + 1), java.util.stream.Collectors.toList()));

  /** What an annotation name means where it is written. */
  public static Meaning meaning(String written, ImportContext imports) {
    Meaning exact = BY_QUALIFIED_NAME.get(written);
    if (exact != null) {
      return exact;
    }
    if (written.indexOf('.') >= 0) {
      return Meaning.NONE;
    }
    for (String qualified : BY_SIMPLE_NAME.getOrDefault(written, java.util.List.of())) {
      if (imports.imports(qualified)) {
        return BY_QUALIFIED_NAME.get(qualified);
      }
    }
    return Meaning.NONE;
  }

  /** The qualified names of every annotation that means something to us. */
  public static java.util.Set<String> qualifiedNames() {
    return BY_QUALIFIED_NAME.keySet();
  }

  /** What an annotation class name means (for annotations read from bytecode). */
  public static Meaning meaningOfQualified(String qualifiedName) {
    return BY_QUALIFIED_NAME.getOrDefault(qualifiedName, Meaning.NONE);
  }

  /** Whether a source text may contain contract annotations, a cheap test before parsing it. */
  public static boolean mayDeclareContracts(String sourceText) {
    return sourceText.contains(PACKAGE) || sourceText.contains(CHECKER_PACKAGE);
  }

  /**
   * The same test on a file's bytes, without decoding them (no copy, no decoding errors): exact
   * for every encoding in which the package names are their ASCII bytes (UTF-8, ISO-8859-*,
   * windows-125*); other encodings are decoded. A false alarm only costs an early parse.
   */
  public static boolean mayDeclareContracts(byte[] source, java.nio.charset.Charset encoding) {
    if (!namesAreAscii(encoding)) {
      return mayDeclareContracts(new String(source, encoding));
    }
    // Both package names begin with "org.": look for that, then for either name.
    for (int i = 0, last = source.length - 4; i <= last; i++) {
      if (source[i] == 'o'
          && source[i + 1] == 'r'
          && source[i + 2] == 'g'
          && source[i + 3] == '.'
          && (startsWith(source, i, PACKAGE_BYTES) || startsWith(source, i, CHECKER_PACKAGE_BYTES))) {
        return true;
      }
    }
    return false;
  }

  private static final byte[] PACKAGE_BYTES = PACKAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] CHECKER_PACKAGE_BYTES = CHECKER_PACKAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static boolean namesAreAscii(java.nio.charset.Charset encoding) {
    return java.util.Arrays.equals(PACKAGE.getBytes(encoding), PACKAGE_BYTES)
        && java.util.Arrays.equals(CHECKER_PACKAGE.getBytes(encoding), CHECKER_PACKAGE_BYTES);
  }

  /** Whether the bytes at {@code at} are the prefix's (also {@link DeclaredTypeNames}'s test). */
  static boolean startsWith(byte[] source, int at, byte[] prefix) {
    if (at + prefix.length > source.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (source[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }
}
