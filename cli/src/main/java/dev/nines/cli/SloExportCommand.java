package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.slo.interop.OpenSloExport;
import dev.nines.spec.SloSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nines slo export}: the spec's SLOs as OpenSLO v1 SLO documents. */
@Command(
    name = "export",
    description = {
      "Writes the spec's SLOs as OpenSLO v1 SLO documents (multi-document YAML).",
      "The metric source is type: Nines; 'nines slo import' reads them back unchanged."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the SLOs were written", "2:the spec is invalid, or bad usage"})
final class SloExportCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Parameters(
      arity = "0..*",
      paramLabel = "SLO",
      description = "Only these SLOs (default: all of the spec's).")
  List<String> names = List.of();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write the YAML to this file (default: stdout).")
  Path output;

  SloExportCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Map<String, SloSpec> declared = specOptions.load(environment).slos();
    if (declared.isEmpty()) {
      throw new NinesException("the spec declares no SLOs: add a slos: section (docs/slos.md)");
    }
    List<SloSpec> chosen = new ArrayList<>();
    for (String name : names.isEmpty() ? List.copyOf(declared.keySet()) : names) {
      SloSpec slo = declared.get(name);
      if (slo == null) {
        throw new NinesException(
            "no SLO named '"
                + name
                + "'; the spec declares "
                + String.join(", ", declared.keySet()));
      }
      chosen.add(slo);
    }
    new InteropOutput(environment).write(OpenSloExport.export(chosen), output);
    return ExitCodes.OK;
  }
}
