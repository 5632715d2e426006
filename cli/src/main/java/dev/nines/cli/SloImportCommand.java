package dev.nines.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.NinesException;
import dev.nines.slo.interop.ImportResult;
import dev.nines.slo.interop.InteropException;
import dev.nines.slo.interop.OpenSloImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nines slo import}: OpenSLO v1 files to the Nines {@code slos:} section. Each file is read
 * on its own, so an {@code indicatorRef} names an SLI of the same file.
 */
@Command(
    name = "import",
    description = {
      "Converts OpenSLO v1 documents (multi-document YAML) to the Nines slos: section.",
      "Every field that is not carried over is listed on stderr with its path."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything was carried over",
      "1:the output was written, some fields were reported as unsupported",
      "2:the input is invalid (nothing written), or bad usage"
    })
final class SloImportCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "OpenSLO v1 YAML files.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write the YAML to this file (default: stdout).")
  Path output;

  SloImportCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    InteropOutput io = new InteropOutput(environment);
    List<ImportResult> results = new ArrayList<>();
    boolean invalid = false;
    boolean anyIssue = false;
    for (Path file : files) {
      ImportResult result;
      try {
        result = OpenSloImport.read(io.read(file));
      } catch (InteropException e) {
        environment.err().println(file + ": error: " + e.getMessage());
        invalid = true;
        continue;
      }
      invalid |= io.report(file, result.issues());
      anyIssue |= !result.issues().isEmpty();
      results.add(result);
    }
    if (invalid) {
      environment.err().println("error: the OpenSLO input is invalid; nothing was written");
      return ExitCodes.USAGE;
    }
    ImportResult merged = merge(results);
    if (merged.slos().isEmpty()) {
      throw new NinesException("the OpenSLO input declares no SLO: nothing to import");
    }
    io.write(merged.toYaml(), output);
    return InteropOutput.exitCode(anyIssue);
  }

  private ImportResult merge(List<ImportResult> results) {
    ObjectNode slos = results.get(0).slos().objectNode();
    for (int index = 0; index < results.size(); index++) {
      Path file = files.get(index);
      results
          .get(index)
          .slos()
          .fields()
          .forEachRemaining(
              slo -> {
                if (slos.has(slo.getKey())) {
                  throw new NinesException(
                      file + ": SLO '" + slo.getKey() + "' is already declared by an earlier file");
                }
                slos.set(slo.getKey(), slo.getValue());
              });
    }
    return new ImportResult(slos, List.of());
  }
}
