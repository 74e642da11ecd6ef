package org.borrowck4j.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.engine.InferredContract;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.io.CannotWrite;
import org.borrowck4j.analyzer.report.StubWriter;
import org.borrowck4j.rules.settings.ConfigFile;
import org.borrowck4j.rules.settings.InvalidSettings;
import org.borrowck4j.rules.settings.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code borrowck infer}: the contracts inferred from the bodies of the analysed methods (D23),
 * written as a stub file to review, keep what is meant, and pass back with {@code --stubs}: how a
 * code base starts being annotated.
 */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description = {
      "Write the contracts borrowck infers from the bodies of the given sources as a stub file",
      "(.astub): review it, keep what is meant, and pass it back with --stubs."
    })
final class InferCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Java source files or directories.")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the stub to FILE instead of standard output.")
  Path output;

  @CommandLine.Mixin SourceOptions sources = new SourceOptions();

  @CommandLine.Mixin ConfigOption configOption = new ConfigOption();

  @CommandLine.ParentCommand BorrowckCommand parent;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    AnalyzerConfig config;
    List<InputFile> inputs;
    try {
      Optional<ConfigFile> file = configOption.load(parent.env);
      Settings base = file.isPresent() ? file.get().settings() : Settings.DEFAULTS;
      Settings settings = sources.over(base, parent.env.workingDirectory()).infer(true).build();
      config = settings.analyzerConfig(BorrowckCommand.names(file));
      inputs = InputFiles.collect(paths, settings.files(), warning -> err.println("borrowck: warning: " + warning));
    } catch (InvalidSettings | InputFiles.BadInput e) {
      err.println("borrowck: error: " + e.getMessage());
      return BorrowckCommand.FAILURE;
    }
    List<InferredContract> inferred;
    try {
      inferred = new Analyzer(config).inferContracts(inputs);
    } catch (InterruptedException e) {
      err.println("borrowck: interrupted");
      return parent.interruption.exitCode();
    }
    String stub = StubWriter.write(inferred);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(stub);
      out.flush();
    } else {
      try {
        new AtomicWriter(warning -> err.println("borrowck: warning: " + warning), parent.disk).replace(output, stub);
      } catch (CannotWrite e) {
        err.println("borrowck: error: " + e.getMessage());
        return BorrowckCommand.FAILURE;
      } catch (InterruptedIOException e) {
        err.println("borrowck: interrupted");
        return parent.interruption.exitCode();
      }
    }
    long types = inferred.stream().map(c -> c.packageName() + "." + c.typeName()).distinct().count();
    err.println(
        "borrowck: inferred " + inferred.size() + " contract" + (inferred.size() == 1 ? "" : "s") + " in " + types + " type"
            + (types == 1 ? "" : "s") + " of " + inputs.size() + " file" + (inputs.size() == 1 ? "" : "s")
            + (output == null ? "" : "; wrote " + output));
    return BorrowckCommand.OK;
  }
}
