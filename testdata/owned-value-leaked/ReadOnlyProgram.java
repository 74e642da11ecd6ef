package leaks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;

/**
 * A file a command-line program opens read-only through {@code RandomAccessFile} is input, as a
 * stream read once is (decisions 271, 316): the system closes it when the program ends. Opened
 * once per argument, it is still a leak.
 */
public class ReadOnlyProgram {

  // Negative (htsjdk's `TimeRandomAccessFile`, GraphHopper's `NativeFSLockFactory`): read once.
  public static void main(String[] args) throws IOException {
    RandomAccessFile file = new RandomAccessFile(args[0], "r");
    byte[] buf = new byte[4096];
    long total = 0;
    for (int n = file.read(buf); n > 0; n = file.read(buf)) {
      total += n;
    }
    FileChannel channel = new RandomAccessFile(args[1], "r").getChannel();
    System.out.println(total + " bytes, " + channel.size() + " in the second");
    for (int i = 2; i < args.length; i++) {
      // The nearest bug: one file opened per argument, none closed: a long argument list runs
      // out of file descriptors.
      RandomAccessFile each = new RandomAccessFile(args[i], "r"); // expect: owned-value-leaked
      System.out.println(each.length());
    }
  }
}
