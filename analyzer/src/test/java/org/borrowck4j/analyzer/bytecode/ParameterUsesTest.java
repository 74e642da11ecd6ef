package org.borrowck4j.analyzer.bytecode;

import static org.borrowck4j.analyzer.bytecode.ParameterUses.Use.CLOSED;
import static org.borrowck4j.analyzer.bytecode.ParameterUses.Use.READ;
import static org.borrowck4j.analyzer.bytecode.ParameterUses.Use.TAKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.List;
import org.borrowck4j.analyzer.bytecode.ParameterUses.Use;
import org.junit.jupiter.api.Test;

/**
 * What class files show their methods do with their parameters (decisions 318 and 321), read
 * from this test's own compiled {@link Helpers}: the close helpers real projects write, beside the
 * nearest helpers that do not close on every normal path, that only read, or that give the value
 * to other code.
 */
class ParameterUsesTest {
  @SuppressWarnings({"unused", "EmptyCatch"})
  static final class Helpers {
    // ---- closed on every normal path ----

    static void closeQuietly(Closeable c) {
      if (c != null) {
        try {
          c.close();
        } catch (IOException ignored) {
          // quiet
        }
      }
    }

    static void closeOrFail(Closeable c) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static void earlyReturnOnNull(Closeable c) throws IOException {
      if (c == null) {
        return;
      }
      c.close();
    }

    static void closeObject(Object o) throws Exception {
      if (o instanceof AutoCloseable) {
        ((AutoCloseable) o).close();
      }
    }

    static void closeThroughALocal(InputStream in) throws IOException {
      Closeable toClose = in;
      toClose.close();
    }

    static void delegates(Closeable c) {
      closeQuietly(c, "quietly");
    }

    static void closeQuietly(Closeable c, String why) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        System.err.println(why + e);
      }
    }

    static void closeBoth(Closeable first, int ignored, long alsoIgnored, Closeable second) {
      closeQuietly(first);
      closeQuietly(second);
    }

    static void inFinally(InputStream in, StringBuilder out) throws IOException {
      try {
        out.append((char) in.read());
      } finally {
        in.close();
      }
    }

    // ---- not closed on every normal path ----

    static void onlyWhenAsked(Closeable c, boolean close) throws IOException {
      if (close) {
        c.close();
      }
    }

    static void onlyOnFailure(InputStream in) {
      try {
        in.read();
      } catch (IOException e) {
        closeQuietly(in);
      }
    }

    static void reassigned(Closeable c, Closeable other) throws IOException {
      if (other != null) {
        c = other;
      }
      c.close();
    }

    static void neverReturns(Closeable c) throws IOException {
      c.close();
      throw new IOException("always");
    }

    static void recursive(Closeable c, int n) throws IOException {
      if (n > 0) {
        recursive(c, n - 1);
      }
    }

    static void readsOnly(InputStream in) throws IOException {
      in.read();
    }

    static int readsIfPresent(InputStream in) throws IOException {
      return in == null || !(in instanceof java.io.BufferedInputStream) ? -1 : in.read();
    }

    // ---- giving the value to other code ----

    static java.io.Reader wraps(InputStream in) {
      return new java.io.InputStreamReader(in);
    }

    static InputStream kept;

    static void keeps(InputStream in) {
      kept = in;
    }

    static InputStream returns(InputStream in) {
      return in;
    }

    static Runnable captures(InputStream in) {
      return () -> {
        try {
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
    }

    static void handsOn(InputStream in) {
      hold(in);
    }

    static int givenToTheJdk(InputStream in) {
      return java.util.Objects.requireNonNull(in).hashCode();
    }

    static int givenToAReader(InputStream in) throws IOException {
      return readsIfPresent(in);
    }

    static void wrapsAndHandsOn(java.io.Reader r) {
      java.io.BufferedReader in = new java.io.BufferedReader(r);
      try {
        in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        hold(in);
      }
    }

    static void hold(Object o) {
      kept = (InputStream) o;
    }

    static Object[] inArray(InputStream in) {
      return new Object[] {in};
    }

    void nothing() {
      // an in-memory stream's close()
    }

    void almostNothing() {
      kept = null;
    }

    void instanceMethod(Closeable c) throws IOException {
      c.close();
    }
  }

  /** Library wrappers: what their constructors keep in a field their close() closes (decision 327). */
  @SuppressWarnings("unused")
  static final class Wrappers {
    abstract static class Base implements Closeable {
      final java.io.Writer out;
      final int columns;

      Base(java.io.Writer w, int columns) {
        this(w, columns, true);
      }

      Base(java.io.Writer w, int columns, boolean buffered) {
        this.out = buffered ? new java.io.BufferedWriter(w) : w;
        this.columns = columns;
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    }

    static final class Csv extends Base {
      Csv(java.io.Writer w, int columns) {
        super(w, columns);
      }
    }

    static final class LeftOpen implements Closeable {
      final java.io.Writer out;
      boolean done;

      LeftOpen(java.io.Writer w) {
        this.out = w;
      }

      @Override
      public void close() {
        done = true;
      }
    }

    static final class ClosedByAHelper implements Closeable {
      final InputStream in;

      ClosedByAHelper(InputStream in) {
        this.in = in;
      }

      @Override
      public void close() {
        Helpers.closeQuietly(in);
      }
    }

    static final class ClosedInAPrivateMethod implements Closeable {
      final InputStream in;

      ClosedInAPrivateMethod(InputStream in) {
        this.in = in;
      }

      @Override
      public void close() throws IOException {
        release();
      }

      private void release() throws IOException {
        in.close();
      }
    }

    static final class Counting extends java.io.FilterOutputStream {
      Counting(java.io.OutputStream out) {
        super(out);
      }
    }

    static final class CountingLeftOpen extends java.io.FilterOutputStream {
      CountingLeftOpen(java.io.OutputStream out) {
        super(out);
      }

      @Override
      public void close() {
        // flushes nothing, closes nothing
      }
    }
  }

  /** The parameters a constructor of {@link Wrappers} wraps, the JDK's class files not read. */
  private static java.util.BitSet wrapped(ParameterUses.WrapperConstructors models, Class<?> type, Class<?>... parameters) throws Exception {
    ParameterUses reader = new ParameterUses(name -> name.startsWith("java/") ? null : classFile(name));
    reader.useModels(models);
    return reader.wrappedByConstructor(type.getDeclaredConstructor(parameters));
  }

  private static final ParameterUses.WrapperConstructors FILTERS_WRAP =
      (type, parameterTypes, argument) -> type.equals("java.io.FilterOutputStream") && parameterTypes.equals(List.of("java.io.OutputStream"));

  private static java.util.BitSet bits(int... set) {
    java.util.BitSet b = new java.util.BitSet();
    for (int i : set) {
      b.set(i);
    }
    return b;
  }

  @Test
  void aConstructorKeepingWhatItsCloseClosesWrapsIt() throws Exception {
    assertEquals(bits(0), wrapped(FILTERS_WRAP, Wrappers.Csv.class, java.io.Writer.class, int.class), "through super(…), this(…) and a BufferedWriter");
    assertEquals(bits(0), wrapped(FILTERS_WRAP, Wrappers.ClosedByAHelper.class, InputStream.class), "closed by a static helper");
    assertEquals(bits(0), wrapped(FILTERS_WRAP, Wrappers.ClosedInAPrivateMethod.class, InputStream.class), "closed by a method close() calls");
    assertEquals(bits(0), wrapped(FILTERS_WRAP, Wrappers.Counting.class, java.io.OutputStream.class), "handed to a JDK filter the models say wraps it");
  }

  @Test
  void aConstructorWhoseCloseLeavesItOpenWrapsNothing() throws Exception {
    assertEquals(bits(), wrapped(FILTERS_WRAP, Wrappers.LeftOpen.class, java.io.Writer.class), "kept, never closed");
    assertEquals(bits(), wrapped(FILTERS_WRAP, Wrappers.CountingLeftOpen.class, java.io.OutputStream.class), "the filter's close() overridden by one that closes nothing");
    assertEquals(bits(), wrapped((t, p, a) -> false, Wrappers.Counting.class, java.io.OutputStream.class), "a JDK constructor no model speaks for");
  }

  private static List<Use> uses(String name, Class<?>... parameters) throws Exception {
    Method m = Helpers.class.getDeclaredMethod(name, parameters);
    return new ParameterUses(ParameterUsesTest::classFile).of(m);
  }

  private static byte[] classFile(String internalName) {
    try (InputStream in = ParameterUsesTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void closeHelpersCloseTheirParameter() throws Exception {
    assertEquals(List.of(CLOSED), uses("closeQuietly", Closeable.class), "null-checked, IOException swallowed");
    assertEquals(List.of(CLOSED), uses("closeOrFail", Closeable.class), "an IOException rethrown is no normal path");
    assertEquals(List.of(CLOSED), uses("earlyReturnOnNull", Closeable.class), "null: nothing to close");
    assertEquals(List.of(CLOSED), uses("closeObject", Object.class), "not an instance: nothing to close");
    assertEquals(List.of(CLOSED), uses("closeThroughALocal", InputStream.class));
    assertEquals(List.of(CLOSED, READ), uses("inFinally", InputStream.class, StringBuilder.class), "the builder is only called");
    assertEquals(List.of(CLOSED), uses("instanceMethod", Closeable.class), "what the body does; whether it speaks for a call is the caller's question");
  }

  @Test
  void aHelperHandingItsParameterToAnotherHelperClosesIt() throws Exception {
    assertEquals(List.of(CLOSED), uses("delegates", Closeable.class));
    assertEquals(List.of(CLOSED, READ, READ, CLOSED), uses("closeBoth", Closeable.class, int.class, long.class, Closeable.class), "positions, not slots");
  }

  @Test
  void closingOnSomePathsOnlyIsTaking() throws Exception {
    assertEquals(List.of(TAKEN, READ), uses("onlyWhenAsked", Closeable.class, boolean.class));
    assertEquals(List.of(TAKEN), uses("onlyOnFailure", InputStream.class));
    assertEquals(List.of(TAKEN, TAKEN), uses("reassigned", Closeable.class, Closeable.class), "the slot may hold the other value");
    assertEquals(List.of(READ, READ), uses("recursive", Closeable.class, int.class), "given only to itself, which closes nothing");
  }

  @Test
  void aBodyThatNeverReturnsClosesNothing() throws Exception {
    assertEquals(List.of(TAKEN), uses("neverReturns", Closeable.class), "closed on some path, returned on none");
  }

  @Test
  void readingIsCallingMethodsOnItAndTestingIt() throws Exception {
    assertEquals(List.of(READ), uses("readsOnly", InputStream.class));
    assertEquals(List.of(READ), uses("readsIfPresent", InputStream.class));
  }

  @Test
  void givingTheValueToOtherCodeIsTaking() throws Exception {
    assertEquals(List.of(TAKEN), uses("keeps", InputStream.class), "stored in a field");
    assertEquals(List.of(TAKEN), uses("captures", InputStream.class), "captured by a lambda");
    assertEquals(List.of(TAKEN), uses("inArray", InputStream.class));
    assertEquals(List.of(TAKEN), uses("handsOn", InputStream.class), "to a helper that keeps it");
    assertEquals(List.of(TAKEN), uses("wrapsAndHandsOn", java.io.Reader.class), "inside a wrapper given to a helper that keeps it");
  }

  @Test
  void givenToCallsNotFollowedItIsOnlyRead() throws Exception {
    assertEquals(List.of(READ), uses("givenToTheJdk", InputStream.class), "the JDK's methods are the models' word");
    assertEquals(List.of(READ), uses("givenToAReader", InputStream.class), "a helper that only reads it");
  }

  @Test
  void wrappingOrReturningItGivesNothingAway() throws Exception {
    assertEquals(List.of(READ), uses("wraps", InputStream.class), "a constructor's argument: D19, wrapping moves nothing");
    assertEquals(List.of(READ), uses("returns", InputStream.class), "the caller's again");
  }

  @Test
  void anEmptyBodyDoesNothing() throws Exception {
    assertEquals(true, new ParameterUses(ParameterUsesTest::classFile).doesNothing(Helpers.class.getDeclaredMethod("nothing")));
    assertEquals(false, new ParameterUses(ParameterUsesTest::classFile).doesNothing(Helpers.class.getDeclaredMethod("almostNothing")));
    assertEquals(false, new ParameterUses(name -> null).doesNothing(Helpers.class.getDeclaredMethod("nothing")), "not read: not known");
  }

  @Test
  void aClassFileThatCannotBeReadSaysNothing() throws Exception {
    Method m = Helpers.class.getDeclaredMethod("closeQuietly", Closeable.class);
    assertEquals(List.of(), new ParameterUses(name -> null).of(m));
    assertEquals(List.of(), new ParameterUses(name -> new byte[] {1, 2, 3}).of(m));
  }
}
