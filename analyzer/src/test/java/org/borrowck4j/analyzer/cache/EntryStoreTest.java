package org.borrowck4j.analyzer.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's entries: checked on every read, immutable once written, one warning per kind of trouble. */
class EntryStoreTest {
  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  private EntryStore store(Path at) {
    return new EntryStore(at, new AtomicWriter(warnings::add), warnings::add);
  }

  private static final String NAME = "ab" + "0".repeat(62);

  @Test
  void anEntryReadsBackAsWritten() throws Exception {
    EntryStore s = store(dir);
    byte[] payload = "{\"findings\":[]}".getBytes(StandardCharsets.UTF_8);
    s.write("results", NAME + ".x", payload);
    assertArrayEquals(payload, s.read("results", NAME + ".x"));
    assertEquals(List.of(NAME + ".x"), s.names("results", NAME + "."));
    assertTrue(Files.isRegularFile(dir.resolve("results/ab/" + NAME + ".x")), "sharded by the first two digits");
    assertNull(s.read("results", NAME + ".y"), "a missing entry is a miss");
    assertEquals(List.of(), warnings);
  }

  @Test
  void anEntryIsNeverRewritten() throws Exception {
    EntryStore s = store(dir);
    s.write("d", NAME, "first".getBytes(StandardCharsets.UTF_8));
    s.write("d", NAME, "second".getBytes(StandardCharsets.UTF_8));
    assertEquals("first", new String(s.read("d", NAME), StandardCharsets.UTF_8));
  }

  @Test
  void badEntriesAreMissesWithOneWarningAndAreRemoved() throws Exception {
    EntryStore s = store(dir);
    byte[] entry = EntryStore.withHeader("payload".getBytes(StandardCharsets.UTF_8));
    Path shard = Files.createDirectories(dir.resolve("d/ab"));
    byte[] corrupt = entry.clone();
    corrupt[corrupt.length - 1] ^= 1;
    List<byte[]> bad = List.of(
        java.util.Arrays.copyOf(entry, entry.length - 3), corrupt, "{}".getBytes(StandardCharsets.UTF_8), new byte[0],
        ("borrowck-cache-entry 0\n" + Digest.of("payload".getBytes(StandardCharsets.UTF_8)) + "\npayload").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < bad.size(); i++) {
      String name = "ab" + i + "0".repeat(61);
      Files.write(shard.resolve(name), bad.get(i));
      assertNull(s.read("d", name), "bad entry " + i);
      assertFalse(Files.exists(shard.resolve(name)), "removed, so it can be published again");
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("ignored a cache entry that is cut short or not borrowck's: "), warnings.get(0));
  }

  @Test
  void temporaryFilesOfOtherWritersAreNotEntries() throws Exception {
    Path shard = Files.createDirectories(dir.resolve("results/ab"));
    Files.writeString(shard.resolve("." + NAME + ".x.123.tmp"), "half");
    assertEquals(List.of(), store(dir).names("results", NAME));
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsOneWarningWithTheReason() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    EntryStore s = store(file.resolve("cache"));
    s.write("d", NAME, new byte[] {1});
    s.write("d", "cd" + NAME.substring(2), new byte[] {2});
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("cache not written (results are complete, but the next run starts cold): cannot write "), warnings.get(0));
  }

  @Test
  void digestsKeepFieldsApart() {
    assertNotEquals(new Digest().add("ab").add("c").hex(), new Digest().add("a").add("bc").hex());
    assertEquals(64, Digest.of("x").length());
  }
}
