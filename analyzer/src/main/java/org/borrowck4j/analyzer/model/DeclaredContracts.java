package org.borrowck4j.analyzer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.model.MethodContract.ParamMode;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.model.MethodContract.ReturnMode;
import org.borrowck4j.analyzer.types.ImportContext;
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
    boolean owned = false;
    boolean mustRelease = false;
    boolean weaklyConsistent = false;
    for (Declared.Annotation a : type.annotations()) {
      Meaning m = AnnotationNames.meaning(a.name(), imports);
      owned |= m == Meaning.OWNED || m == Meaning.OWNING;
      mustRelease |= m == Meaning.MUST_RELEASE;
      weaklyConsistent |= m == Meaning.WEAKLY_CONSISTENT;
    }
    Map<String, List<Declared.Method>> methodsByName = new LinkedHashMap<>();
    boolean releases = false;
    for (Declared.Method m : type.methods()) {
      methodsByName.computeIfAbsent(m.name(), k -> new ArrayList<>(1)).add(m);
      releases |= receiverOf(m, imports).releases();
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
        releases,
        supertypes,
        methodsByName.keySet(),
        name -> methodsByName.get(name).stream().map(m -> methodContract(file, type, m, universe)).toList(),
        fieldsByName.keySet(),
        name -> fieldContract(file, type, fieldsByName.get(name), universe),
        new Declared.Origin(file.origin(), file.file(), type.line()));
  }

  /** What a method does to its receiver, from its annotations alone (no type is resolved). */
  private record Receiver(ReceiverMode mode, boolean idempotent) {
    /** A release: it consumes the receiver and is not idempotent. */
    boolean releases() {
      return mode == ReceiverMode.CONSUMES && !idempotent;
    }
  }

  private static Receiver receiverOf(Declared.Method m, ImportContext imports) {
    ReceiverMode receiver = ReceiverMode.NONE;
    boolean idempotent = false;
    for (Declared.Annotation a : m.annotations()) {
      switch (AnnotationNames.meaning(a.name(), imports)) {
        case MUT -> receiver = receiver == ReceiverMode.CONSUMES ? receiver : ReceiverMode.MUT;
        case CONSUMES -> {
          receiver = ReceiverMode.CONSUMES;
          idempotent = "true".equals(a.values().get("idempotent"));
        }
        default -> {}
      }
    }
    for (Declared.Annotation a : m.receiverAnnotations()) {
      switch (AnnotationNames.meaning(a.name(), imports)) {
        case OWNED, OWNING -> receiver = ReceiverMode.CONSUMES;
        case MUT -> receiver = receiver == ReceiverMode.CONSUMES ? receiver : ReceiverMode.MUT;
        default -> {}
      }
    }
    return new Receiver(receiver, idempotent);
  }

  private static TypeContract.FieldContract fieldContract(
      Declared.FileDeclarations file, Declared.TypeDeclaration type, Declared.Field f, TypeUniverse universe) {
    ImportContext imports = file.imports();
    boolean ownedField = false;
    for (Declared.Annotation a : f.annotations()) {
      Meaning m = AnnotationNames.meaning(a.name(), imports);
      ownedField |= m == Meaning.OWNED || m == Meaning.OWNING;
    }
    return new TypeContract.FieldContract(
        f.name(), imports.resolveWritten(f.type(), type.qualifiedName(), type.typeVariables(), universe), ownedField);
  }

  private static MethodContract methodContract(
      Declared.FileDeclarations file,
      Declared.TypeDeclaration type,
      Declared.Method m,
      TypeUniverse universe) {
    ImportContext imports = file.imports();
    List<String> typeVariables = new ArrayList<>(type.typeVariables());
    typeVariables.addAll(m.typeVariables());
    List<MethodContract.Param> params = new ArrayList<>(m.params().size());
    boolean varargs = false;
    for (Declared.Param p : m.params()) {
      ParamMode mode = ParamMode.NONE;
      for (Declared.Annotation a : p.annotations()) {
        mode = paramMode(AnnotationNames.meaning(a.name(), imports), mode);
      }
      varargs |= p.varargs();
      params.add(
          new MethodContract.Param(
              p.name(), imports.resolveWritten(p.type(), type.qualifiedName(), typeVariables, universe), mode));
    }
    ReturnMode returns = ReturnMode.NONE;
    String borrowedFrom = null;
    boolean mustRelease = false;
    boolean noEffect = false;
    boolean noReturn = false;
    for (Declared.Annotation a : m.annotations()) {
      switch (AnnotationNames.meaning(a.name(), imports)) {
        case MUST_RELEASE -> mustRelease = true;
        case NO_EFFECT -> noEffect = true;
        case NO_RETURN -> noReturn = true;
        case OWNED, OWNING, MUST_CALL_ALIAS -> returns = ReturnMode.OWNED;
        case BORROWED, NOT_OWNING -> {
          returns = ReturnMode.BORROWED;
          String from = a.values().get("from");
          borrowedFrom = from == null || from.isEmpty() ? null : from;
        }
        default -> {}
      }
    }
    Receiver receiver = receiverOf(m, imports);
    TypeRef returnType =
        m.isConstructor()
            ? TypeRef.of(type.qualifiedName())
            : imports.resolveWritten(m.returnType(), type.qualifiedName(), typeVariables, universe);
    return new MethodContract(
        type.qualifiedName(),
        m.name(),
        m.isConstructor(),
        m.isStatic(),
        params,
        varargs,
        returnType,
        returns,
        mustRelease,
        borrowedFrom,
        receiver.mode(),
        receiver.idempotent(),
        noEffect,
        noReturn,
        new Declared.Origin(file.origin(), file.file(), m.line()));
  }

  /** The parameters of the one abstract method a source-declared interface has, or null. */
  public static List<ContractSource.SamParameter> functionalParameters(
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
    List<ContractSource.SamParameter> out = new ArrayList<>();
    for (Declared.Param p : sam.params()) {
      int index = type.ownTypeVariables().indexOf(p.type());
      TypeRef concrete =
          index >= 0
              ? TypeRef.UNKNOWN
              : file.imports().resolveWritten(p.type(), type.qualifiedName(), type.typeVariables(), universe);
      out.add(new ContractSource.SamParameter(index, concrete));
    }
    return out;
  }

  static ParamMode paramMode(Meaning meaning, ParamMode previous) {
    return switch (meaning) {
      case OWNED, OWNING, MUST_CALL_ALIAS -> ParamMode.OWNED;
      case BORROWED -> ParamMode.BORROWED;
      case MUT -> ParamMode.MUT;
      case RETAINED -> ParamMode.RETAINED;
      default -> previous;
    };
  }

  private static String outerOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? null : qualified.substring(0, dot);
  }
}
