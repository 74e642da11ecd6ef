package org.borrowck4j.analyzer.model;

import java.util.List;

/**
 * Contracts inferred from the bodies of the analysed sources' own methods (D23). Asked only for a
 * method of the analysed sources that declares nothing and inherits nothing: written annotations,
 * user stubs and models always win.
 */
public interface InferredContracts {
  /**
   * The contract inferred for a method (or constructor) declared in the analysed sources without
   * a contract, or null when nothing is inferred (its body is not known, the call's target is not,
   * or its paths disagree).
   */
  MethodContract inferredFor(MethodContract declared);

  /**
   * The contract inferred for a call of the method dispatched so: the overrides it may run are
   * those of the receiver's static type and its subtypes, and a body run on {@code this} is
   * summarised for the type {@code this} has there (a template method called from a subclass runs
   * that subclass's overrides). A null dispatch says nothing beyond the declaration.
   */
  default MethodContract inferredFor(MethodContract declared, Dispatch dispatch) {
    return inferredFor(declared);
  }

  /**
   * The anonymous classes of the analysed sources a call's result may be at run time, when every
   * body the call may run returns one (a getter of a final field holding one, and its analysed
   * overrides: decision 236); null where that is not known.
   */
  default List<RuntimeClass> resultClasses(MethodContract declared, Dispatch dispatch) {
    return null;
  }

  /**
   * Whether a call of the method, dispatched so, runs bodies that were summarised and said nothing
   * (decision 297): every parameter of a type that may carry a value to release is only read
   * there — no body took, kept, handed on or closed it. False where no body was summarised (an
   * overridable call whose implementations are not all known, a recursion under way).
   */
  default boolean summarisedSilent(MethodContract declared, Dispatch dispatch) {
    return false;
  }

  /**
   * Whether an overridable call of the method, dispatched so, may run only bodies of the analysed
   * sources (at least one, at most a few) that were each summarised and said nothing, and
   * declares no body of its own that says something (decision 314): every implementation there
   * is only reads what it is given. False where one of them was not summarised, and where nothing
   * here implements it.
   */
  default boolean silentInEveryImplementation(MethodContract declared, Dispatch dispatch) {
    return false;
  }

  /**
   * Whether a call of the method, dispatched so, runs one body of the analysed sources known where
   * it is called: its target cannot be overridden, or it is an exact {@code super.} call.
   */
  default boolean runsOneBody(MethodContract declared, Dispatch dispatch) {
    return false;
  }

  /**
   * Whether a call of the method, declared in the analysed sources without a contract, runs an
   * empty body: its own, and every analysed override's where it can be overridden (decision 156:
   * {@code public void close() { // nop }} of an in-memory stream closes nothing).
   */
  default boolean doesNothing(MethodContract declared) {
    return false;
  }

  /**
   * Whether a call of the method, declared in the analysed sources without a contract and
   * dispatched so, never returns normally: its target is known (static, private, final, a final
   * class's, or {@code super.m()}) and its body always throws (decision 241).
   */
  default boolean neverReturns(MethodContract declared, Dispatch dispatch) {
    return false;
  }
}
