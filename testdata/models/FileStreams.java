package models;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A file stream made from a name or a File holds an open file until it is closed (D11, decision
 * 252): FileInputStream, FileOutputStream, FileReader, FileWriter, RandomAccessFile. Its channel
 * is the same open file.
 */
public class FileStreams {
  private InputStream kept;
  private FileChannel channel;

  // An input stream read and never closed: the file stays open.
  int readOnce(File f) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    return in.read();
  }

  // Negative: closed by try-with-resources.
  int readClosed(File f) throws IOException {
    try (InputStream in = new FileInputStream(f)) {
      return in.read();
    }
  }

  // A stream made and read in one expression: nobody closes it.
  int readDropped(File f) throws IOException {
    return new FileReader(f).read(); // expect: owned-value-leaked
  }

  // Properties.load reads the stream and leaves it open (Ivy's Ivy.java:159).
  Properties load(File f) throws IOException {
    Properties p = new Properties();
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    p.load(in);
    return p;
  }

  // Negative: a reader around the stream, closed, closes the stream (D19).
  String firstLine(File f) throws IOException {
    BufferedReader r = new BufferedReader(new FileReader(f));
    try {
      return r.readLine();
    } finally {
      r.close();
    }
  }

  // Negative: the stream opened in a block, kept by a reader of the enclosing block that is
  // closed there (hsqldb's Document.load).
  int lines(Object source) throws IOException {
    BufferedReader reader;
    if (source instanceof File) {
      InputStream fis = new FileInputStream((File) source);
      reader = new BufferedReader(new InputStreamReader(fis, StandardCharsets.UTF_8));
    } else {
      reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    int n = 0;
    try {
      while (reader.readLine() != null) {
        n++;
      }
    } finally {
      reader.close();
    }
    return n;
  }

  // The stream and its reader both held in the block, neither closed: the file stays open.
  int firstLength(File f) throws IOException {
    if (f.isFile()) {
      InputStream fis = new FileInputStream(f); // expect: owned-value-leaked
      BufferedReader reader = new BufferedReader(new InputStreamReader(fis, StandardCharsets.UTF_8));
      return reader.readLine().length();
    }
    return 0;
  }

  // Negative: kept in a field, handed to the caller, or kept through its channel.
  void keep(File f) throws IOException {
    kept = new FileInputStream(f);
  }

  FileOutputStream open(File f) throws IOException {
    return new FileOutputStream(f, true);
  }

  void keepChannel(File f) throws IOException {
    channel = new RandomAccessFile(f, "rw").getChannel();
  }

  FileChannel channelOf(File f) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "rw");
    return raf.getChannel();
  }

  // Negative: a stream over a descriptor someone else opened is not this method's to close.
  int readStandardInput() throws IOException {
    FileInputStream in = new FileInputStream(FileDescriptor.in);
    return in.read();
  }

  // A random-access file closed on one path only (Ivy's FileBasedLockStrategy.tryLock).
  long length(File f, boolean quick) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "r"); // expect: owned-value-leaked
    if (quick) {
      return f.length();
    }
    long n = raf.length();
    raf.close();
    return n;
  }
}
