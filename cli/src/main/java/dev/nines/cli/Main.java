package dev.nines.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.nines.cli.internal.ErrorHandler;
import dev.nines.cli.internal.Terminals;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of the {@code nines} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CliEnvironment environment =
        new CliEnvironment(
            writer(FileDescriptor.out),
            writer(FileDescriptor.err),
            System.getenv(),
            Clock.systemUTC(),
            Path.of(""),
            Terminals.isTerminal(1),
            Terminals.isTerminal(2));
    System.exit(run(args, environment));
  }

  /**
   * Runs one command line and returns its exit code; never throws and never prints a stack trace
   * unless {@code --debug} is given.
   */
  public static int run(String[] args, CliEnvironment environment) {
    boolean debug =
        Arrays.asList(args).contains("--debug") || "1".equals(environment.env().get("NINES_DEBUG"));
    quietLogging(debug);
    CommandLine commandLine = commandLine(environment, debug);
    try {
      return commandLine.execute(args);
    } finally {
      environment.out().flush();
      environment.err().flush();
    }
  }

  /** The command tree, wired with the environment every command works in. */
  static CommandLine commandLine(CliEnvironment environment, boolean debug) {
    CommandLine commandLine = new CommandLine(new NinesCommand(), new CommandFactory(environment));
    ErrorHandler handler = new ErrorHandler(debug);
    commandLine
        .setOut(environment.out())
        .setErr(environment.err())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(handler)
        .setParameterExceptionHandler(handler);
    return commandLine;
  }

  /** Libraries (the connection pool, the store's migrations) log only with --debug. */
  private static void quietLogging(boolean debug) {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(debug ? Level.INFO : Level.OFF);
    }
    if (LoggerFactory.getLogger("dev.nines") instanceof Logger nines) {
      nines.setLevel(debug ? Level.DEBUG : Level.OFF);
    }
  }

  private static PrintWriter writer(FileDescriptor descriptor) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
  }
}
