package org.borrowck4j.analyzer.model;

import java.util.List;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What calling a method does to ownership: to each argument, to the receiver, and what the
 * result is. A method without annotations has the default contract (every mode NONE): its
 * arguments are temporary shared borrows that do not escape (DESIGN.md, unannotated code).
 *
 * @param declaringType the type the contract was found on
 * @param params one per declared parameter; a varargs method's last one covers the rest
 * @param returnsMustRelease the result is an owner that must be released (model vocabulary)
 * @param noEffect the declaration says explicitly that calling it does nothing to ownership
 *     (model vocabulary {@code @NoEffect}): it hides what supertypes say
 * @param noReturn the method never returns normally (model vocabulary {@code @NoReturn})
 * @param borrowedFrom for a {@code @Borrowed(from = "p")} return, the parameter name; else null
 */
public record MethodContract(
    String declaringType,
    String name,
    boolean isConstructor,
    boolean isStatic,
    List<Param> params,
    boolean varargs,
    TypeRef returnType,
    ReturnMode returns,
    boolean returnsMustRelease,
    String borrowedFrom,
    ReceiverMode receiver,
    boolean idempotent,
    boolean noEffect,
    boolean noReturn,
    Declared.Origin origin) {

  public enum ParamMode {
    NONE,
    OWNED,
    BORROWED,
    MUT,
    RETAINED
  }

  public enum ReturnMode {
    NONE,
    OWNED,
    BORROWED
  }

  public enum ReceiverMode {
    NONE,
    MUT,
    CONSUMES
  }

  public record Param(String name, TypeRef type, ParamMode mode) {}

  public MethodContract {
    params = List.copyOf(params);
  }

  /** Whether any part of the contract says something (possibly: nothing happens). */
  public boolean hasContract() {
    if (noEffect || noReturn || returns != ReturnMode.NONE || receiver != ReceiverMode.NONE) {
      return true;
    }
    for (Param p : params) { // a loop, not a stream: asked for every call analysed
      if (p.mode() != ParamMode.NONE) {
        return true;
      }
    }
    return false;
  }

  /** Whether the method accepts {@code argumentCount} arguments. */
  public boolean accepts(int argumentCount) {
    return varargs ? argumentCount >= params.size() - 1 : argumentCount == params.size();
  }

  /** The parameter an argument at {@code index} binds to (the varargs parameter for the rest). */
  public Param paramFor(int index) {
    if (params.isEmpty()) {
      return null;
    }
    return index < params.size() ? params.get(index) : varargs ? params.get(params.size() - 1) : null;
  }

  /** How the method is named in messages: {@code Sink.accept}, or {@code new Sink}. */
  public String displayName() {
    String type = TypeRef.of(declaringType).simpleName();
    return isConstructor ? "new " + type : type + "." + name;
  }
}
