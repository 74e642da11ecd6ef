package org.agrona;

/**
 * A stand-in for Agrona's CloseHelper and LangUtil (the test data compiles without the library).
 * The bodies are left empty on purpose: what they do is the built-in model's word.
 */
public final class CloseHelper {
  private CloseHelper() {}

  public static void close(AutoCloseable closeable) {
    // closes it, rethrowing a failure unchecked: see the model
  }

  public static void quietClose(AutoCloseable closeable) {
    // closes it, ignoring a failure: see the model
  }
}
