package org.borrowck4j.rules.settings;

/**
 * Settings that cannot be run: an unknown rule, a level that is not a Java version, a stub that
 * is missing or invalid, and so on. The message is one line meant for the user as it stands
 * (front ends prefix it with their own {@code borrowck: error:}), so it names what the user wrote
 * and never a Java exception class.
 */
public final class InvalidSettings extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidSettings(String message) {
    super(message);
  }

  InvalidSettings(String message, Throwable cause) {
    super(message, cause);
  }
}
