package org.borrowck4j.analyzer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.types.ImportContext;
import org.borrowck4j.analyzer.types.SamParameter;
import org.borrowck4j.analyzer.types.TypeRef;
import org.borrowck4j.analyzer.types.TypeUniverse;

/**
 * Turns declarations as written (source or stub) into contracts: annotation names resolved in the
 * file's import context, types resolved to qualified names.
 */
public final class DeclaredContracts {
  private DeclaredContracts() {}

  public static TypeContract contractOf(
      Declared.FileDeclarations file, Declared.TypeDeclaration type, TypeUniverse universe) {
    ImportContext imports = file.imports();
    String self = type.qualifiedName();
    List<String> supertypes = new ArrayList<>();
    for (String written : type.supertypes()) {
      TypeRef t = imports.resolveWritten(written, outerOf(self), type.typeVariables(), universe);
      if (t.isKnown()) {
        supertypes.add(t.name());
      }
    }
    List<Meaning> typeMeanings = meanings(type.annotations(), imports);
    boolean owned = ContractModes.isOwned(typeMeanings);
    boolean mustRelease = typeMeanings.contains(Meaning.MUST_RELEASE);
    boolean weaklyConsistent = typeMeanings.contains(Meaning.WEAKLY_CONSISTENT);
    boolean needsOpen = typeMeanings.contains(Meaning.NEEDS_OPEN);
    boolean throwsDeclared = typeMeanings.contains(Meaning.THROWS_DECLARED);
    Map<String, List<Declared.Method>> methodsByName = new LinkedHashMap<>();
    boolean releases = false;
    boolean lends = false;
    for (Declared.Method m : type.methods()) {
      methodsByName.computeIfAbsent(m.name(), k -> new ArrayList<>(1)).add(m);
      MethodModes modes = modesOf(m, imports);
      releases |= modes.releases();
      lends |= modes.lends();
    }
    Map<String, Declared.Field> fieldsByName = new LinkedHashMap<>();
    for (Declared.Field f : type.fields()) {
      fieldsByName.put(f.name(), f);
    }
    return new TypeContract(
        self,
        type.isInterface(),
        owned,
        mustRelease,
        weaklyConsistent,
        needsOpen,
        releases,
        lends,
        supertypes,
        methodsByName.keySet(),
        name -> methodsByName.get(name).stream().map(m -> methodContract(file, type, m, throwsDeclared, universe)).toList(),
        fieldsByName.keySet(),
        name -> fieldContract(file, type, fieldsByName.get(name), universe),
        new Declared.Origin(file.origin(), file.file(), type.line()));
  }

  /** What a method's annotations say, from its annotations alone (no type is resolved). */
  private static MethodModes modesOf(Declared.Method m, ImportContext imports) {
    return ContractModes.ofMethod(written(m.annotations(), imports), meanings(m.receiverAnnotations(), imports));
  }

  /** Annotations as written in a file, with their meanings and members. */
  private static List<ContractModes.Written> written(List<Declared.Annotation> annotations, ImportContext imports) {
    List<ContractModes.Written> out = new ArrayList<>(annotations.size());
    for (Declared.Annotation a : annotations) {
      out.add(new ContractModes.Written(AnnotationNames.meaning(a.name(), imports), a.values()::get));
    }
    return out;
  }

  /** The meanings of annotations as written in a file. */
  static List<Meaning> meanings(List<Declared.Annotation> annotations, ImportContext imports) {
    List<Meaning> out = new ArrayList<>(annotations.size());
    for (Declared.Annotation a : annotations) {
      out.add(AnnotationNames.meaning(a.name(), imports));
    }
    return out;
  }

  private static TypeContract.FieldContract fieldContract(
      Declared.FileDeclarations file, Declared.TypeDeclaration type, Declared.Field f, TypeUniverse universe) {
    ImportContext imports = file.imports();
    boolean ownedField = ContractModes.isOwned(meanings(f.annotations(), imports));
    return new TypeContract.FieldContract(
        f.name(),
        imports.resolveWritten(f.type(), type.qualifiedName(), type.typeVariables(), universe),
        ownedField,
        f.allocated() == null
            ? TypeRef.UNKNOWN
            : imports.resolveWritten(f.allocated(), type.qualifiedName(), type.typeVariables(), universe));
  }

  private static MethodContract methodContract(
      Declared.FileDeclarations file,
      Declared.TypeDeclaration type,
      Declared.Method m,
      boolean throwsDeclared,
      TypeUniverse universe) {
    ImportContext imports = file.imports();
    List<String> typeVariables = new ArrayList<>(type.typeVariables());
    typeVariables.addAll(m.typeVariables());
    List<MethodContract.Param> params = new ArrayList<>(m.params().size());
    boolean varargs = false;
    for (Declared.Param p : m.params()) {
      ContractModes.ParameterMode mode = ContractModes.ofParameter(written(p.annotations(), imports));
      varargs |= p.varargs();
      params.add(
          new MethodContract.Param(
              p.name(),
              imports.resolveWritten(p.type(), type.qualifiedName(), typeVariables, universe),
              mode.mode(),
              mode.idempotent(),
              mode.words()));
    }
    TypeRef returnType =
        m.isConstructor()
            ? TypeRef.of(type.qualifiedName())
            : imports.resolveWritten(m.returnType(), type.qualifiedName(), typeVariables, universe);
    return new MethodContract(
        type.qualifiedName(),
        m.name(),
        MethodContract.Kind.of(m.isConstructor(), m.isStatic()),
        params,
        varargs,
        returnType,
        modesOf(m, imports),
        new Declared.Origin(file.origin(), file.file(), m.line()),
        meanings(m.annotations(), imports).contains(Meaning.ELEMENT) ? type.ownTypeVariables().indexOf(m.returnType()) : -1,
        thrown(m.thrown() == null && throwsDeclared ? List.of() : m.thrown(), imports, type.qualifiedName(), typeVariables, universe));
  }

  /**
   * The qualified names of the types a throws clause names; null (may throw anything) where the
   * declaration does not say, or where one of them does not resolve ({@code throws E}, a type
   * variable: what it stands for is the caller's).
   */
  private static List<String> thrown(
      List<String> written, ImportContext imports, String self, List<String> typeVariables, TypeUniverse universe) {
    if (written == null) {
      return null;
    }
    List<String> out = new ArrayList<>(written.size());
    for (String w : written) {
      TypeRef t = imports.resolveWritten(w, self, typeVariables, universe);
      if (!t.isKnown()) {
        return null;
      }
      out.add(t.name());
    }
    return out;
  }

  /** The parameters of the one abstract method a source-declared interface has, or null. */
  public static List<SamParameter> functionalParameters(
      Declared.FileDeclarations file, Declared.TypeDeclaration type, TypeUniverse universe) {
    if (!type.isInterface()) {
      return null;
    }
    Declared.Method sam = null;
    for (Declared.Method m : type.methods()) {
      if (m.isAbstract()) {
        if (sam != null) {
          return null;
        }
        sam = m;
      }
    }
    if (sam == null) {
      return null;
    }
    List<SamParameter> out = new ArrayList<>();
    for (Declared.Param p : sam.params()) {
      int index = type.ownTypeVariables().indexOf(p.type());
      TypeRef concrete =
          index >= 0
              ? TypeRef.UNKNOWN
              : file.imports().resolveWritten(p.type(), type.qualifiedName(), type.typeVariables(), universe);
      out.add(new SamParameter(index, concrete));
    }
    return out;
  }

  private static String outerOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? null : qualified.substring(0, dot);
  }
}
