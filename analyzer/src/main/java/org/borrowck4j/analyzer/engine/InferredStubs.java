package org.borrowck4j.analyzer.engine;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.InferredContracts;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * The inferred contracts of one file's methods that inherit none (D23), completed by what their
 * annotations say; abstract ones included: theirs is what all their analysed implementations
 * agree on.
 */
final class InferredStubs {
  private InferredStubs() {}

  /**
   * @param inherited also the methods that inherit a contract, each with the inherited contract
   *     placed at its own declaration (what a call of it counts on)
   */
  static List<InferredContract> of(
      Declared.FileDeclarations file,
      String packageName,
      String display,
      ContractIndex index,
      InferredContracts inference,
      boolean inherited) {
    List<InferredContract> out = new ArrayList<>();
    for (Declared.TypeDeclaration t : file.types()) {
      String typeName =
          packageName.isEmpty() || !t.qualifiedName().startsWith(packageName + ".")
              ? t.qualifiedName()
              : t.qualifiedName().substring(packageName.length() + 1);
      for (Declared.Method m : t.methods()) {
        MethodContract declared = declaredAt(index, t.qualifiedName(), file.file(), m);
        if (declared == null || declared.isComplete()) {
          continue;
        }
        MethodContract inheritedContract = inheritedContract(index, t.qualifiedName(), declared);
        if (inheritedContract != null) {
          if (inherited) {
            out.add(new InferredContract(packageName, typeName, t.isInterface(), display, inheritedContract.withOrigin(declared.origin())));
          }
          continue;
        }
        MethodContract inferred = inference.inferredFor(declared);
        if (inferred != null) {
          out.add(new InferredContract(packageName, typeName, t.isInterface(), display, declared.completedWith(inferred)));
        }
      }
    }
    return out;
  }

  /** The contract the sources declare for this method (every mode NONE when unannotated). */
  private static MethodContract declaredAt(ContractIndex index, String type, String file, Declared.Method m) {
    for (TypeContract d : index.declarations(type)) {
      Declared.Origin o = d.origin();
      if (o == null || o.kind() != Declared.Origin.Kind.SOURCE || !o.file().equals(file)) {
        continue;
      }
      for (MethodContract c : d.methods(m.isConstructor() ? "<init>" : m.name())) {
        if (c.origin() != null && c.origin().line() == m.line() && c.params().size() == m.params().size()) {
          return c;
        }
      }
    }
    return null;
  }

  /** The contract a supertype declares for the method, or null: then it is the method's, not inferred. */
  private static MethodContract inheritedContract(ContractIndex index, String type, MethodContract declared) {
    if (declared.isConstructor() || declared.isStatic()) {
      return null;
    }
    List<TypeRef> parameterTypes = declared.params().stream().map(MethodContract.Param::type).toList();
    MethodContract found = index.method(TypeRef.of(type), declared.name(), declared.params().size(), () -> parameterTypes);
    return found != null
            && found.hasContract()
            && found.origin() != null
            && !found.origin().kind().isInferred()
            && !found.origin().equals(declared.origin())
        ? found
        : null;
  }
}
