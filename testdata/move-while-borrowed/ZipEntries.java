package mwb;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A ZipFile's entries and entry streams borrow from it (java-util-zip model). */
public class ZipEntries {

  // Closing the zip file while its entry enumeration is used afterwards.
  List<String> closeThenList(File f) throws IOException {
    ZipFile zf = new ZipFile(f);
    Enumeration<? extends ZipEntry> en = zf.entries();
    zf.close(); // expect: move-while-borrowed
    List<String> names = new ArrayList<>();
    while (en.hasMoreElements()) {
      names.add(en.nextElement().getName());
    }
    return names;
  }

  // Closing the zip file while an entry's input stream is read afterwards.
  int closeThenRead(File f, String name) throws IOException {
    ZipFile zf = new ZipFile(f);
    ZipEntry e = zf.getEntry(name);
    InputStream in = zf.getInputStream(e);
    zf.close(); // expect: move-while-borrowed
    return in.read();
  }

  // Negative: the entry names are copied out before the zip file is closed.
  List<String> listThenClose(File f) throws IOException {
    ZipFile zf = new ZipFile(f);
    Enumeration<? extends ZipEntry> en = zf.entries();
    List<String> names = new ArrayList<>();
    while (en.hasMoreElements()) {
      names.add(en.nextElement().getName());
    }
    zf.close();
    names.add("end");
    return names;
  }

  // Negative: the entry stream's last read is before the zip file is closed.
  int readThenClose(File f, String name) throws IOException {
    ZipFile zf = new ZipFile(f);
    InputStream in = zf.getInputStream(zf.getEntry(name));
    int first = in.read();
    in.close();
    zf.close();
    return first;
  }
}
