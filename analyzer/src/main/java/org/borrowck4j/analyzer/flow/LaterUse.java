package org.borrowck4j.analyzer.flow;

import com.github.javaparser.ast.Node;

/**
 * Where a loan is used after some point: a read of one of its holders, or its for-each loop's
 * next step ({@code byLoop}); {@code nextIteration} when that use is reached only through a
 * loop's back edge.
 */
public record LaterUse(Node at, boolean nextIteration, boolean byLoop) {}
