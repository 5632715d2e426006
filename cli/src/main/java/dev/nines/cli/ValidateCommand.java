package dev.nines.cli;

import dev.nines.spec.Spec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nines validate}: reads the spec and reports every problem, connecting to nothing. */
@Command(
    name = "validate",
    description = {
      "Checks the spec without connecting to any database.",
      "Prints every problem as file:line:col: field: message (hint)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the spec is valid", "2:the spec is invalid, or bad usage"})
final class ValidateCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  ValidateCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Spec spec = specOptions.load(environment);
    int checks = spec.datasets().values().stream().mapToInt(d -> d.checks().size()).sum();
    environment
        .out()
        .println(
            "spec is valid: "
                + count(spec.sources().size(), "source", "sources")
                + ", "
                + count(spec.datasets().size(), "dataset", "datasets")
                + ", "
                + count(checks, "check", "checks"));
    return ExitCodes.OK;
  }

  private static String count(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
