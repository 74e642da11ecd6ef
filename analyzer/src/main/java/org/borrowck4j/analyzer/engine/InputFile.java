package org.borrowck4j.analyzer.engine;

import java.nio.file.Path;

/** A file to analyse and the path findings show for it. */
public record InputFile(Path path, String displayPath) {}
