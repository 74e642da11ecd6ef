package org.borrowck4j.analyzer.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in the operating system's words ("Permission denied", "No space
 * left on device"), never a Java class name. Java keeps the OS's text in {@link
 * FileSystemException#getReason()}, except for the errors it turns into their own exception types
 * without a reason (EACCES, ENOENT, EEXIST, ...): those get the text {@code strerror} gives.
 */
public final class OsReason {
  private OsReason() {}

  public static String of(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "Directory not empty";
    }
    // FileChannel and the streams give the OS's text as the whole message ("No space left on
    // device"); a FileSystemException's message would start with the file name, which callers print.
    if (e.getMessage() != null && !(e instanceof FileSystemException)) {
      return e.getMessage();
    }
    return "Input/output error";
  }
}
