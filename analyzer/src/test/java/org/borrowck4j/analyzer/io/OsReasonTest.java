package org.borrowck4j.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Users read the operating system's reason, never a Java class name or a doubled file name. */
class OsReasonTest {
  @Test
  void theReasonJavaKeptIsUsed() {
    assertEquals("No space left on device", OsReason.of(new FileSystemException("/x", null, "No space left on device")));
    assertEquals("Read-only file system", OsReason.of(new FileSystemException("/x", null, "Read-only file system")));
  }

  @Test
  void errorsJavaTurnedIntoTypesGetTheOsText() {
    assertEquals("Permission denied", OsReason.of(new AccessDeniedException("/x")));
    assertEquals("No such file or directory", OsReason.of(new NoSuchFileException("/x")));
  }

  @Test
  void aPlainMessageIsTheReason() {
    assertEquals("No space left on device", OsReason.of(new IOException("No space left on device")));
  }

  @Test
  void aFileSystemExceptionWithoutReasonDoesNotRepeatTheFileName() {
    assertEquals("Input/output error", OsReason.of(new FileSystemException("/x")));
  }
}
