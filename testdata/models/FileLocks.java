package models;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;

/**
 * A file lock is held through the channel that acquired it, and `channel()` is that channel: the
 * lock is a second handle on the channel's file (D19, decision 292). Handing the lock on hands the
 * file on; closing `lock.channel()` closes the file; releasing the lock leaves it open.
 */
public class FileLocks {

  // Negative (JaCoCo ExecFileLoader.save): the file closed through the lock's channel.
  static void save(File file, byte[] data) throws IOException {
    FileOutputStream fileStream = new FileOutputStream(file, true);
    FileLock lock = fileStream.getChannel().lock();
    OutputStream bufferedStream = new BufferedOutputStream(fileStream);
    try {
      bufferedStream.write(data);
      bufferedStream.flush();
    } finally {
      lock.channel().close();
    }
  }

  // Positive, side by side: the lock released, the file never closed.
  static void saveAndRelease(File file, byte[] data) throws IOException {
    FileOutputStream fileStream = new FileOutputStream(file, true); // expect: owned-value-leaked
    FileLock lock = fileStream.getChannel().lock();
    try {
      fileStream.write(data);
    } finally {
      lock.release();
    }
  }

  // Negative (Ratis RaftStorageDirectoryImpl.tryLock): the lock returned keeps the file open for
  // the caller, who closes it through the lock's channel.
  static FileLock tryLock(File lockFile) throws IOException {
    RandomAccessFile file = new RandomAccessFile(lockFile, "rws");
    FileLock res;
    try {
      res = file.getChannel().tryLock();
      if (res == null) {
        file.close();
        return null;
      }
    } catch (IOException e) {
      file.close();
      throw e;
    }
    return res;
  }

  // Positive: written after the lock's channel closed the file.
  static void writeAfterClose(File file, byte[] data) throws IOException {
    FileOutputStream fileStream = new FileOutputStream(file, true);
    FileLock lock = fileStream.getChannel().lock();
    lock.channel().close();
    fileStream.write(data); // expect: use-after-move
  }

  // Negative: written after the lock was released, and then closed.
  static void writeAfterRelease(File file, byte[] data) throws IOException {
    try (FileOutputStream fileStream = new FileOutputStream(file, true)) {
      FileLock lock = fileStream.getChannel().lock();
      lock.release();
      fileStream.write(data);
    }
  }
}
