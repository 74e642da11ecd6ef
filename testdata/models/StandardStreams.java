package models;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * A stream set as the process's standard output, error or input is kept by the process until
 * another replaces it (`System.setOut`, `setErr`, `setIn` are `@Retained`, decision 320;
 * BeanShell's `Interpreter.redirectOutputToFile`).
 */
public class StandardStreams {

  // Negative: the new stream becomes the process's output and error.
  static void redirectOutputToFile(String filename) throws FileNotFoundException {
    PrintStream out = new PrintStream(new FileOutputStream(filename));
    System.setOut(out);
    System.setErr(out);
  }

  // Positive, side by side: a stream made to print once and dropped without being closed.
  static void printOnce(String filename) throws FileNotFoundException {
    PrintStream out = new PrintStream(new FileOutputStream(filename)); // expect: owned-value-leaked
    out.println("once");
  }
}
