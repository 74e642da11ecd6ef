package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * A store that gives a private field of a closeable class a value that must be released, where no
 * code of the class ever releases the field or hands it anywhere (decision 312): closing the
 * object leaves the value open.
 *
 * @param node the CFG node of the store
 * @param store the assignment (for its span)
 * @param field the field stored into
 * @param className the simple name of the class declaring the field
 * @param close the name of the class's own {@code close()} declaration, or null where it inherits one
 * @param closeOnly whether the value is a resource to close (a file), not one to release (a
 *     reference-counted buffer)
 */
public record FieldLeftOpen(CfgNode node, Node store, Variable field, String className, Node close, boolean closeOnly) {}
