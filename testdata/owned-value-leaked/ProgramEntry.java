package leaks;

import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * What a command-line program opens for reading once lives as long as the program (decision 271):
 * the JVM exits after {@code main}, and the system closes the file. Output and files opened in a
 * loop are still leaks.
 */
public class ProgramEntry {

  // Negative: read once by main (JGroups' XmlConfigurator, Helix's YAMLClusterSetup).
  public static void main(String[] args) throws IOException {
    InputStream input = new FileInputStream(args[0]);
    Properties settings = new Properties();
    settings.load(input);
    System.out.println(settings.size() + " settings, " + lineCount(args[1]) + " lines");
    report(args[2], settings.size());
    for (int i = 3; i < args.length; i++) {
      System.out.println(sizeOf(args[i]));
    }
  }

  // Negative: a private helper that only main calls, once.
  private static long lineCount(String path) throws IOException {
    return Files.lines(Paths.get(path)).count();
  }

  // The nearest bug: what main writes is buffered, and lost at exit unless closed.
  private static void report(String path, int count) throws IOException {
    BufferedWriter out = new BufferedWriter(new FileWriter(path)); // expect: owned-value-leaked
    out.write("settings: " + count);
  }

  // The nearest bug: opened once per argument, in main's loop: a long argument list runs out of
  // file descriptors.
  private static int sizeOf(String path) throws IOException {
    InputStream in = new FileInputStream(path); // expect: owned-value-leaked
    return in.available();
  }
}
