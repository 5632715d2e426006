package dev.nines.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Main} in-process with captured output, as a user would from {@code dir}. */
final class Cli {
  private final Path workingDirectory;
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemUTC();

  Cli(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Cli clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        new CliEnvironment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            env,
            clock,
            workingDirectory,
            false,
            false);
    int exitCode = Main.run(args, environment);
    return new Outcome(exitCode, out.toString(), err.toString());
  }

  /** What one command line did. */
  record Outcome(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
