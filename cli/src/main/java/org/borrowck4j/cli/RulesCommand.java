package org.borrowck4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.report.JsonText;
import org.borrowck4j.rules.settings.ConfigFile;
import org.borrowck4j.rules.settings.InvalidSettings;
import org.borrowck4j.rules.settings.RuleLevel;
import org.borrowck4j.rules.settings.RuleSelection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code borrowck rules}: every rule with its code, id, default level, the level the project's
 * {@code borrowck.toml} gives it, and its summary; {@code --format json} for scripts.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule with its default and effective level.")
final class RulesCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Mixin ConfigOption config = new ConfigOption();

  @CommandLine.ParentCommand BorrowckCommand parent;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RuleSelection selection;
    try {
      Optional<ConfigFile> file = config.load(parent.env);
      selection = file.isPresent() ? file.get().settings().rules() : RuleSelection.ALL;
    } catch (InvalidSettings e) {
      spec.commandLine().getErr().println("borrowck: error: " + e.getMessage());
      return BorrowckCommand.FAILURE;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? json(selection.levels()) : text(selection.levels()));
    out.flush();
    return BorrowckCommand.OK;
  }

  static String text(Map<RuleInfo, RuleLevel> levels) {
    int idWidth = levels.keySet().stream().mapToInt(r -> r.id().length()).max().orElse(2);
    StringBuilder sb = new StringBuilder();
    String format = "%-6s %-" + idWidth + "s %-8s %-8s %s%n";
    sb.append(String.format(format, "code", "id", "default", "level", "summary"));
    for (Map.Entry<RuleInfo, RuleLevel> e : levels.entrySet()) {
      RuleInfo r = e.getKey();
      sb.append(String.format(format, r.code(), r.id(), RuleLevel.of(r.severity()).word(), e.getValue().word(), r.summary()));
    }
    return sb.toString().replace("\r\n", "\n");
  }

  static String json(Map<RuleInfo, RuleLevel> levels) {
    ObjectNode root = JsonText.object();
    root.put("version", 1);
    ArrayNode rules = root.putArray("rules");
    for (Map.Entry<RuleInfo, RuleLevel> e : levels.entrySet()) {
      RuleInfo r = e.getKey();
      rules.addObject()
          .put("code", r.code())
          .put("id", r.id())
          .put("defaultLevel", RuleLevel.of(r.severity()).word())
          .put("level", e.getValue().word())
          .put("summary", r.summary());
    }
    return JsonText.indented(root);
  }
}
