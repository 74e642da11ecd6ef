package legacy;

import org.borrowck4j.annotations.Consumes;

/** Left out with -Dborrowck.excludes: its use after consume is not reported. */
class Old {
  @Consumes
  void close() {}

  int size() {
    close();
    return size();
  }
}
