package cb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** A registry of names (support type) with annotated accessors. */
public class Registry {
  private final List<String> names = new ArrayList<>();

  @Mut
  public void register(String name) {
    names.add(name);
  }

  /** An iterator over the registered names, borrowed from the registry (a shared borrow). */
  @Borrowed
  public Iterator<String> names() {
    return names.iterator();
  }

  /** A read-only view, borrowed from the registry (a shared borrow). */
  @Borrowed
  public List<String> view() {
    return names;
  }

  /** A fresh copy, owned by nobody in particular: mutate it freely. */
  public List<String> snapshot() {
    return new ArrayList<>(names);
  }

  public int size() {
    return names.size();
  }
}
