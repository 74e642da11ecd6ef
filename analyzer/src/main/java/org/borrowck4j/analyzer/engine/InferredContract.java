package org.borrowck4j.analyzer.engine;

import org.borrowck4j.analyzer.model.MethodContract;

/**
 * A contract inferred for a method of the analysed sources (D23), with where it is declared: the
 * package and the type, as a stub file names them.
 *
 * @param packageName the package, empty for the default package
 * @param typeName the declaring type within its package ({@code Outer.Inner} for a member type)
 * @param typeIsInterface whether the declaring type is an interface
 * @param file the file as shown to the user
 */
public record InferredContract(
    String packageName, String typeName, boolean typeIsInterface, String file, MethodContract contract) {}
