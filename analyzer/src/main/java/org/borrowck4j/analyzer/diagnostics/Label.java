package org.borrowck4j.analyzer.diagnostics;

/** A secondary span with its text, such as "value moved here". */
public record Label(Span span, String text) {}
