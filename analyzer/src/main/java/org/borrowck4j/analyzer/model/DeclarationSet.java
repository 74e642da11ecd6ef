package org.borrowck4j.analyzer.model;

import org.borrowck4j.analyzer.types.SamParameter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.borrowck4j.analyzer.types.TypeUniverse;

/**
 * A fixed set of declarations (stub files) as a contract source. Contracts are resolved on first
 * use and kept.
 */
public final class DeclarationSet implements ContractSource {
  private record Entry(Declared.FileDeclarations file, Declared.TypeDeclaration type) {}

  private final Map<String, Entry> types = new ConcurrentHashMap<>();
  private final Map<String, TypeContract> resolved = new ConcurrentHashMap<>();
  private TypeUniverse universe = name -> false;

  public DeclarationSet(Iterable<Declared.FileDeclarations> files) {
    for (Declared.FileDeclarations f : files) {
      for (Declared.TypeDeclaration t : f.types()) {
        types.putIfAbsent(t.qualifiedName(), new Entry(f, t));
      }
    }
  }

  void setUniverse(TypeUniverse universe) {
    this.universe = universe;
  }

  @Override
  public boolean declares(String qualifiedName) {
    return types.containsKey(qualifiedName);
  }

  @Override
  public TypeContract type(String qualifiedName) {
    TypeContract c = resolved.get(qualifiedName);
    if (c != null) {
      return c;
    }
    Entry e = types.get(qualifiedName);
    if (e == null) {
      return null;
    }
    c = DeclaredContracts.contractOf(e.file(), e.type(), universe);
    TypeContract previous = resolved.putIfAbsent(qualifiedName, c);
    return previous != null ? previous : c;
  }

  @Override
  public List<SamParameter> functionalParameters(String qualifiedName) {
    Entry e = types.get(qualifiedName);
    return e == null ? null : DeclaredContracts.functionalParameters(e.file(), e.type(), universe);
  }

  @Override
  public java.util.Set<String> typeNames() {
    return java.util.Collections.unmodifiableSet(types.keySet());
  }

  /** All declared types with where they come from, for checking a model against reality. */
  public Map<String, Declared.TypeDeclaration> declarations() {
    Map<String, Declared.TypeDeclaration> out = new java.util.TreeMap<>();
    types.forEach((k, v) -> out.put(k, v.type()));
    return out;
  }
}
