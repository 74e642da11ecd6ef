package leaks;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A handle on an owner's resource that is kept elsewhere keeps the resource (D19, decision 335):
 * closing the file's channel closes the file, so a task keeping the channel holds the file (Tencent
 * COS's resumable download hands its file's channel to the task that closes it).
 */
public class KeptHandles {
  static final class Closing implements Callable<Long> {
    private final FileChannel channel;

    Closing(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public Long call() throws IOException {
      try {
        return channel.size();
      } finally {
        channel.close();
      }
    }
  }

  static final class Sizing {
    private final long size;

    Sizing(FileChannel channel) throws IOException {
      this.size = channel.size();
    }

    long size() {
      return size;
    }
  }

  // Negative: the channel, held in a local, goes to the task, which closes it.
  Future<Long> submitted(File f, ExecutorService pool) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "rw");
    FileChannel channel = raf.getChannel();
    return pool.submit(new Closing(channel));
  }

  // Negative: the same with the channel taken in the argument.
  Future<Long> submittedDirectly(File f, ExecutorService pool) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "rw");
    return pool.submit(new Closing(raf.getChannel()));
  }

  // The nearest bug: the channel only read, by a local object that keeps nothing of it.
  long measured(File f) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "r"); // expect: owned-value-leaked
    FileChannel channel = raf.getChannel();
    return new Sizing(channel).size();
  }

  // The nearest bug: the channel read here, the file never closed.
  long read(File f) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "r"); // expect: owned-value-leaked
    return raf.getChannel().size();
  }
}
