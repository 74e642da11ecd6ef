package org.borrowck4j.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole or not at all: what the writer promises every file borrowck produces. */
class AtomicWriterTest {
  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();
  private final AtomicWriter writer = new AtomicWriter(warnings::add);

  private static final byte[] PREVIOUS = "previous content, kept byte for byte\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW = "new content that is longer than the fault lets through\n".repeat(50).getBytes(StandardCharsets.UTF_8);

  @Test
  void replacesAFileAndLeavesNothingElseBehind() throws IOException {
    Path target = Files.write(dir.resolve("report.json"), PREVIOUS);
    writer.replace(target, NEW);
    assertArrayEquals(NEW, Files.readAllBytes(target));
    assertEquals(List.of("report.json"), names(dir));
    assertEquals(List.of(), warnings);
  }

  @Test
  void createsMissingDirectories() throws IOException {
    Path target = dir.resolve("a/b/baseline.json");
    writer.replace(target, "{}\n");
    assertEquals("{}\n", Files.readString(target));
  }

  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousFileByteIdentical() throws IOException {
    Path target = Files.write(dir.resolve("report.sarif"), PREVIOUS);
    AtomicWriter faulty = new AtomicWriter(warnings::add, WriteFaults.failingAfter(100, "No space left on device"));
    CannotWrite e = assertThrows(CannotWrite.class, () -> faulty.replace(target, NEW));
    assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
    assertArrayEquals(PREVIOUS, Files.readAllBytes(target));
    assertEquals(List.of("report.sarif"), names(dir), "the temporary file is removed");
  }

  @Test
  void aFileSystemWithoutAtomicRenameIsReplacedInPlaceWithOneWarning() throws IOException {
    Path target = Files.write(dir.resolve("report.json"), PREVIOUS);
    new AtomicWriter(warnings::add, WriteFaults.withoutAtomicRename()).replace(target, NEW);
    assertArrayEquals(NEW, Files.readAllBytes(target));
    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).startsWith(target + ": the file system cannot replace files atomically"), warnings::toString);
  }

  @Test
  void anInterruptedThreadCommitsNothing() throws IOException {
    Path target = Files.write(dir.resolve("baseline.json"), PREVIOUS);
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedIOException.class, () -> writer.replace(target, NEW));
    } finally {
      Thread.interrupted();
    }
    assertArrayEquals(PREVIOUS, Files.readAllBytes(target));
    assertEquals(List.of("baseline.json"), names(dir));
  }

  @Test
  void aDirectoryIsNotReplaced() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out"));
    Files.write(target.resolve("keep.txt"), PREVIOUS);
    CannotWrite e = assertThrows(CannotWrite.class, () -> writer.replace(target, NEW));
    assertEquals("Is a directory", e.reason());
    assertArrayEquals(PREVIOUS, Files.readAllBytes(target.resolve("keep.txt")));
  }

  @Test
  void aPathUnderARegularFileGivesTheOsReason() throws IOException {
    Path file = Files.write(dir.resolve("file.txt"), PREVIOUS);
    CannotWrite e = assertThrows(CannotWrite.class, () -> writer.replace(file.resolve("report.json"), NEW));
    assertEquals("Not a directory", e.reason());
    assertArrayEquals(PREVIOUS, Files.readAllBytes(file));
  }

  @Test
  void aReadOnlyDirectoryGivesPermissionDenied() throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Path target = Files.write(readOnly.resolve("report.json"), PREVIOUS);
    assertPermissionDenied(readOnly, target);
  }

  @Test
  void aReadOnlyFileIsRefusedNotReplaced() throws IOException {
    Path target = Files.write(dir.resolve("baseline.json"), PREVIOUS);
    assertPermissionDenied(target, target);
  }

  private void assertPermissionDenied(Path madeReadOnly, Path target) throws IOException {
    assumeTrue(WriteFaults.readOnly(madeReadOnly), "permissions stop no write here (root)");
    CannotWrite e = assertThrows(CannotWrite.class, () -> writer.replace(target, NEW));
    assertEquals("Permission denied", e.reason());
    assertArrayEquals(PREVIOUS, Files.readAllBytes(target));
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path target = Files.write(dir.resolve("baseline.json"), PREVIOUS);
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    writer.replace(target, NEW);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void aSymbolicLinkIsWrittenThrough() throws IOException {
    Path real = Files.write(dir.resolve("real.json"), PREVIOUS);
    Path link = dir.resolve("link.json");
    try {
      Files.createSymbolicLink(link, real.getFileName());
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    writer.replace(link, NEW);
    assertTrue(Files.isSymbolicLink(link));
    assertArrayEquals(NEW, Files.readAllBytes(real));
  }

  @Test
  void anEntryIsPublishedOnceAndNeverRewritten() throws IOException {
    Path entry = dir.resolve("cache/ab/abcdef.entry");
    assertTrue(writer.publish(entry, PREVIOUS));
    assertFalse(writer.publish(entry, NEW), "an entry's name stands for its content");
    assertArrayEquals(PREVIOUS, Files.readAllBytes(entry));
  }

  @Test
  void anEntryIsNeverPublishedInPlace() throws IOException {
    Path entry = dir.resolve("abcdef.entry");
    AtomicWriter noRename = new AtomicWriter(warnings::add, WriteFaults.withoutAtomicRename());
    CannotWrite e = assertThrows(CannotWrite.class, () -> noRename.publish(entry, NEW));
    assertEquals("the file system cannot rename atomically", e.reason());
    assertEquals(List.of(), names(dir));
  }

  @Test
  void concurrentPublishersOfOneEntryLeaveOneCompleteFile() throws Exception {
    Path entry = dir.resolve("abcdef.entry");
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> published = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        published.add(
            pool.submit(
                () -> {
                  start.await();
                  return writer.publish(entry, NEW);
                }));
      }
      start.countDown();
      for (Future<Boolean> f : published) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(NEW, Files.readAllBytes(entry));
    assertEquals(List.of("abcdef.entry"), names(dir));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
