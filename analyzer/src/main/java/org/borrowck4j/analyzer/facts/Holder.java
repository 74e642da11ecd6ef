package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.stmt.ForEachStmt;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * What keeps a loan alive: a variable holding the borrowed reference (live while it is used
 * later), or the hidden iterator of a for-each loop (live while the loop may run again).
 * Exactly one of {@code variable} and {@code loop} is set.
 */
public record Holder(int index, Variable variable, ForEachStmt loop) {}
