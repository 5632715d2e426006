package dev.nines.cli.internal;

import dev.nines.NinesException;
import dev.nines.cli.ExitCodes;
import dev.nines.spec.InvalidSpecException;
import dev.nines.spec.SpecProblem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become messages: spec problems one per line, Nines errors as their
 * message, anything else as an internal error. Stack traces only with {@code --debug}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Exit code of every failure handled here. */
  public static final int EXIT_CODE = ExitCodes.SYSTEM_ERROR;

  private final boolean debug;

  public ErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (exception instanceof InvalidSpecException invalid) {
      err.println(
          "the spec is invalid ("
              + invalid.problems().size()
              + (invalid.problems().size() == 1 ? " problem" : " problems")
              + "):");
      for (SpecProblem problem : invalid.problems()) {
        err.println(problem);
      }
    } else if (exception instanceof NinesException) {
      err.println("error: " + exception.getMessage());
    } else {
      String message =
          exception.getMessage() == null ? exception.toString() : exception.getMessage();
      err.println("internal error: " + message + (debug ? "" : " (run with --debug for details)"));
    }
    if (debug) {
      exception.printStackTrace(err);
    }
    err.flush();
    return EXIT_CODE;
  }

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: " + exception.getMessage());
    UnmatchedArgumentException.printSuggestions(exception, err);
    String name = commandLine.getCommandSpec().qualifiedName();
    err.println("Run '" + name + " --help' for usage.");
    err.flush();
    return EXIT_CODE;
  }
}
