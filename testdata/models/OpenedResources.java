package models;

import com.google.common.io.ByteStreams;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.io.IOUtils;

/**
 * Resources opened with {@code new} (constructors the model marks {@code @Owned}), wrappers made
 * around a resource opened right there (D19: the wrapper is its only handle), and utilities that
 * read a stream without closing it (D11).
 */
public class OpenedResources {
  // A jar's manifest read and the jar left open (Selenium's BuildInfo).
  Manifest manifestLeaked(File file) throws IOException {
    JarFile jar = new JarFile(file, false); // expect: owned-value-leaked
    return jar.getManifest();
  }

  // Negative: the same in try-with-resources.
  Manifest manifestClosed(File file) throws IOException {
    try (JarFile jar = new JarFile(file, false)) {
      return jar.getManifest();
    }
  }

  // A zip file's entry looked up, the file left open.
  long entrySizeLeaked(File archive, String name) throws IOException {
    ZipFile zip = new ZipFile(archive, StandardCharsets.UTF_8); // expect: owned-value-leaked
    ZipEntry e = zip.getEntry(name);
    return e == null ? -1 : e.getSize();
  }

  // Negative: closed in a finally.
  long entrySizeClosed(File archive, String name) throws IOException {
    ZipFile zip = new ZipFile(archive);
    try {
      ZipEntry e = zip.getEntry(name);
      return e == null ? -1 : e.getSize();
    } finally {
      zip.close();
    }
  }

  // Negative: the open zip file is handed to the caller.
  ZipFile opened(File archive) throws IOException {
    ZipFile zip = new ZipFile(archive);
    return zip;
  }

  // A reader built around a stream opened right there, never closed (Groovy's service files).
  String firstLineLeaked(URL service) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(service.openStream())); // expect: owned-value-leaked
    return in.readLine();
  }

  // Negative: closing the reader closes the stream it wraps.
  String firstLineClosed(URL service) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(service.openStream()))) {
      return in.readLine();
    }
  }

  // Negative: a reader around a stream a variable holds; the variable has the duty, and closes it.
  String firstLineOfStream(URL service) throws IOException {
    try (InputStream raw = service.openStream()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(raw));
      return in.readLine();
    }
  }

  // Guava reads the stream and does not close it (WireMock's BinaryFile).
  byte[] contentsLeaked(URL url) throws IOException {
    return ByteStreams.toByteArray(url.openStream()); // expect: owned-value-leaked
  }

  // commons-io does not close it either.
  String textLeaked(URL url) throws IOException {
    InputStream in = url.openStream(); // expect: owned-value-leaked
    return IOUtils.toString(in, StandardCharsets.UTF_8);
  }

  // Negative: closed by try-with-resources around the read.
  byte[] contentsClosed(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return ByteStreams.toByteArray(in);
    }
  }
}
