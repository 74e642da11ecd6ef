package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import org.borrowck4j.analyzer.cfg.CfgNode;

/**
 * A must-release value a call returns and nobody keeps: {@code alloc.buffer();}, or read and
 * dropped in one expression.
 *
 * @param node the first CFG node evaluating the call
 * @param call the call or object creation (for its span)
 * @param callee how the call is named: {@code buffer()}, {@code new ZipFile}
 * @param created whether it is an object creation
 * @param lentAt the name of the call that last reads it, as an argument it does not keep
 *     ({@code load} in {@code props.load(new FileInputStream(f))}), or null
 * @param lentTo how that call is named ({@code load()}), or null
 */
public record DroppedResult(CfgNode node, Node call, String callee, boolean created, Node lentAt, String lentTo) {}
