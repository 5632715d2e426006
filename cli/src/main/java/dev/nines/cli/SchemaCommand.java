package dev.nines.cli;

import dev.nines.cli.internal.Platform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nines schema}: prints the JSON Schema of the spec, for editors and CI. */
@Command(
    name = "schema",
    description = {
      "Prints the JSON Schema of nines.yml (draft 2020-12).",
      "Point your editor at it for completion and inline errors."
    })
final class SchemaCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  SchemaCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    environment.out().println(Platform.specSchema().strip());
    return ExitCodes.OK;
  }
}
