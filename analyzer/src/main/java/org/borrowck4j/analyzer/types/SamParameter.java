package org.borrowck4j.analyzer.types;

/**
 * A parameter of a functional interface's single abstract method: the interface's type variable
 * at {@code typeVariable} (for {@code Consumer<T>.accept(T)}, 0), or a concrete type when that is
 * -1.
 */
public record SamParameter(int typeVariable, TypeRef type) {}
