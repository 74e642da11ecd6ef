package org.borrowck4j.analyzer.cache;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.io.CannotWrite;
import org.borrowck4j.analyzer.io.OsReason;

/**
 * A directory of immutable, content-addressed entries shared by any number of runs and processes
 * at once (decision 133). An entry's name is the digest of everything its content depends on, so
 * an entry once written is never rewritten: runs never need a lock, and a reader sees an entry
 * whole or not at all ({@link AtomicWriter#publish}). Each entry starts with a header naming the
 * format and the digest of its payload; a file that fails the check (cut short by a power loss,
 * another tool's file, a different format) is treated as missing and removed, with one warning
 * per run. A directory that cannot be written gives one warning with the system's reason, and the
 * run goes on without storing: a cache never costs a result.
 *
 * <p>Entries live in {@code <kind>/<first two hex digits>/<name>}, so that no directory grows to
 * hold every entry. Thread-safe.
 */
public final class EntryStore {
  /** First line of every entry; a new format gets a new tag, and old entries are ignored. */
  static final String HEADER = "borrowck-cache-entry 1";

  private final Path dir;
  private final AtomicWriter writer;
  private final Consumer<String> warnings;
  private final AtomicBoolean warnedRead = new AtomicBoolean();
  private final AtomicBoolean unwritable = new AtomicBoolean();

  /**
   * @param warnings told at most once about entries it could not read, and once that it cannot
   *     write (with the reason)
   */
  public EntryStore(Path dir, AtomicWriter writer, Consumer<String> warnings) {
    this.dir = dir;
    this.writer = writer;
    this.warnings = warnings;
  }

  public Path dir() {
    return dir;
  }

  private Path shard(String kind, String name) {
    return dir.resolve(kind).resolve(name.substring(0, 2));
  }

  /** The payload of entry {@code kind/name}, or null when it is missing or not valid. */
  public byte[] read(String kind, String name) {
    Path file = shard(kind, name).resolve(name);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      warnRead("cannot read cache entry " + file + ": " + OsReason.of(e));
      return null;
    }
    byte[] payload = payloadOf(bytes);
    if (payload == null) {
      warnRead("ignored a cache entry that is cut short or not borrowck's: " + file);
      try {
        Files.deleteIfExists(file); // so that it can be published again
      } catch (IOException | RuntimeException e) {
        // A read-only cache: it stays, and is ignored again next time.
      }
    }
    return payload;
  }

  /** The names of the entries of {@code kind} whose names start with {@code prefix}. */
  public List<String> names(String kind, String prefix) {
    Path shard = shard(kind, prefix);
    if (!Files.isDirectory(shard)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(shard, prefix + "*")) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".")) { // a temporary file of a writer still at work
          out.add(name);
        }
      }
    } catch (IOException | RuntimeException e) {
      warnRead("cannot list cache directory " + shard + ": " + (e instanceof IOException io ? OsReason.of(io) : e.toString()));
      return List.of();
    }
    out.sort(String::compareTo);
    return out;
  }

  /**
   * Publishes entry {@code kind/name} unless it exists. Stops trying, with one warning, at the
   * first entry the directory does not take.
   *
   * @throws InterruptedIOException when the thread was interrupted: nothing is published
   */
  public void write(String kind, String name, byte[] payload) throws InterruptedIOException {
    if (unwritable.get()) {
      return;
    }
    try {
      writer.publish(shard(kind, name).resolve(name), withHeader(payload));
    } catch (InterruptedIOException e) {
      throw e;
    } catch (CannotWrite e) {
      if (unwritable.compareAndSet(false, true)) {
        warnings.accept("cache not written (results are complete, but the next run starts cold): " + e.getMessage());
      }
    } catch (IOException e) {
      if (unwritable.compareAndSet(false, true)) {
        warnings.accept("cache not written (results are complete, but the next run starts cold): " + OsReason.of(e));
      }
    }
  }

  private void warnRead(String message) {
    if (warnedRead.compareAndSet(false, true)) {
      warnings.accept(message);
    }
  }

  static byte[] withHeader(byte[] payload) {
    byte[] head = (HEADER + "\n" + Digest.of(payload) + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + payload.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    return out;
  }

  /** The payload after a valid header, or null. */
  static byte[] payloadOf(byte[] entry) {
    int first = indexOf(entry, 0);
    if (first < 0 || !HEADER.equals(new String(entry, 0, first, StandardCharsets.US_ASCII))) {
      return null;
    }
    int second = indexOf(entry, first + 1);
    if (second < 0) {
      return null;
    }
    String digest = new String(entry, first + 1, second - first - 1, StandardCharsets.US_ASCII);
    byte[] payload = Arrays.copyOfRange(entry, second + 1, entry.length);
    return Digest.of(payload).equals(digest) ? payload : null;
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length && i < from + 200; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
