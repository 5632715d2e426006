package dev.nines.cli;

import dev.nines.cli.internal.Platform;
import dev.nines.cli.internal.SpecFiles;
import dev.nines.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code -c} option shared by the commands that read a spec. */
final class SpecOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE_OR_DIR",
      description =
          "Spec file, or a directory of .yml/.yaml files; repeatable (default: nines.yml in the"
              + " current directory).")
  List<Path> configs = new ArrayList<>();

  /** Reads and validates the spec; throws InvalidSpecException with every problem found. */
  Spec load(CliEnvironment environment) {
    List<Path> files = SpecFiles.resolve(configs, environment.workingDirectory());
    return Platform.loadSpec(files, environment.env());
  }
}
