package com.google.cloud.spanner;

/** A stand-in for the Cloud Spanner client's ResultSet (the test data compiles without the library). */
public interface ResultSet extends AutoCloseable {
  boolean next();

  long getLong(int columnIndex);

  @Override
  void close();
}
