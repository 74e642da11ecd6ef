package org.borrowck4j.analyzer.types;

/** Answers whether a fully-qualified type name denotes a type the analyser can see. */
@FunctionalInterface
public interface TypeUniverse {
  boolean exists(String qualifiedName);
}
