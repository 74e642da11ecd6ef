package org.borrowck4j.analyzer.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of fields: each is written with its length first, so that no two
 * different sequences of fields run together into the same bytes ({@code "ab","c"} vs {@code
 * "a","bc"}). Names and checks every cache entry.
 */
public final class Digest {
  private final MessageDigest sha;

  public Digest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  public Digest add(String field) {
    return add(field == null ? new byte[] {-1} : field.getBytes(StandardCharsets.UTF_8));
  }

  public Digest add(long field) {
    return add(Long.toString(field));
  }

  public Digest add(byte[] field) {
    int n = field.length;
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha.update(field);
    return this;
  }

  /** The digest in lower-case hex (64 characters); the digest cannot be added to afterwards. */
  public String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The digest of one field. */
  public static String of(String field) {
    return new Digest().add(field).hex();
  }

  public static String of(byte[] field) {
    return new Digest().add(field).hex();
  }
}
