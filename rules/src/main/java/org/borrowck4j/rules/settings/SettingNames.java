package org.borrowck4j.rules.settings;

/**
 * How the user wrote each setting whose messages name it: {@code --source-level} on the command
 * line, {@code sourceLevel} in a POM. A message then points at what the user can change; a front
 * end that merges several sources (a configuration file under command-line options) names each
 * setting after the source its value came from.
 */
public record SettingNames(String sourceLevel, String jobs, String analysisBudget, String encoding) {}
