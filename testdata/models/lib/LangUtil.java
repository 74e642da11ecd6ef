package org.agrona;

/** A stand-in for Agrona's LangUtil (see {@link CloseHelper}). */
public final class LangUtil {
  private LangUtil() {}

  public static void rethrowUnchecked(Throwable ex) {
    // always throws: see the model
  }
}
