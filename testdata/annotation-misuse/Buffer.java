package misuse;

import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** An owned buffer: the type the examples annotate. */
@Owned
public class Buffer {
  @Mut
  public void write(int b) {}

  public int read() {
    return 0;
  }

  @Consumes
  public void release() {}
}
