package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.slo.interop.ImportIssue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading the files of the import and export commands, their issues, and where output goes. */
final class InteropOutput {
  private final CliEnvironment environment;

  InteropOutput(CliEnvironment environment) {
    this.environment = environment;
  }

  Path resolve(Path file) {
    return environment.workingDirectory().resolve(file);
  }

  String read(Path file) {
    try {
      return Files.readString(resolve(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NinesException(file + ": no such file");
    } catch (IOException e) {
      throw new NinesException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** Prints every issue on stderr, prefixed with its file, and returns whether any is an error. */
  boolean report(Path file, List<ImportIssue> issues) {
    for (ImportIssue issue : issues) {
      environment.err().println(file + ": " + issue);
    }
    return issues.stream().anyMatch(issue -> issue.level() == ImportIssue.Level.ERROR);
  }

  /** Writes the text to {@code out}, or to stdout when it is null. */
  void write(String text, Path out) {
    if (out == null) {
      environment.out().print(text);
      environment.out().flush();
      return;
    }
    try {
      Files.writeString(resolve(out), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NinesException(out + ": cannot be written: " + e.getMessage());
    }
  }

  /**
   * The exit code once the output is written: 0 when everything was carried over, 1 when some field
   * was reported as unsupported (or some check renamed).
   */
  static int exitCode(boolean anyIssue) {
    return anyIssue ? ExitCodes.DATA_FAILURE : ExitCodes.OK;
  }
}
