package dev.nines.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch outside itself: its output streams, the environment variables, the clock
 * and the working directory. Tests build one with captured streams.
 *
 * @param out where results go (tables, JSON, XML)
 * @param err where errors and progress go
 * @param env environment variables used to resolve {@code ${VAR}} in the spec
 * @param clock the time source of runs
 * @param workingDirectory where relative spec paths (and the default {@code nines.yml}) are found
 * @param outIsTerminal whether {@code out} is a terminal (colours)
 * @param errIsTerminal whether {@code err} is a terminal (live progress)
 */
public record CliEnvironment(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Clock clock,
    Path workingDirectory,
    boolean outIsTerminal,
    boolean errIsTerminal) {
  public CliEnvironment {
    env = Map.copyOf(env);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** Whether colours may be used on {@code out}: a terminal that is not dumb, NO_COLOR unset. */
  public boolean colours() {
    String noColor = env.get("NO_COLOR");
    return outIsTerminal
        && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(env.get("TERM"));
  }
}
