package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.NinesException;
import dev.nines.cli.internal.ErrorHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorHandlerTest {
  @Command(name = "boom")
  static final class Failing implements Callable<Integer> {
    private final RuntimeException failure;

    Failing(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  private static String[] run(RuntimeException failure, boolean debug) {
    StringWriter err = new StringWriter();
    ErrorHandler handler = new ErrorHandler(debug);
    int exitCode =
        new CommandLine(new Failing(failure))
            .setErr(new PrintWriter(err, true))
            .setExecutionExceptionHandler(handler)
            .setParameterExceptionHandler(handler)
            .execute();
    return new String[] {Integer.toString(exitCode), err.toString()};
  }

  @Test
  void an_unexpected_failure_is_one_line_pointing_at_debug() {
    String[] outcome = run(new IllegalStateException("pool closed"), false);

    assertThat(outcome[0]).isEqualTo("2");
    assertThat(outcome[1].strip())
        .isEqualTo("internal error: pool closed (run with --debug for details)");
  }

  @Test
  void a_nines_failure_is_its_message() {
    String[] outcome = run(new NinesException("cannot write the report to x.xml"), false);

    assertThat(outcome[0]).isEqualTo("2");
    assertThat(outcome[1].strip()).isEqualTo("error: cannot write the report to x.xml");
  }

  @Test
  void debug_adds_the_stack_trace() {
    String[] outcome = run(new IllegalStateException("pool closed"), true);

    assertThat(outcome[1])
        .startsWith("internal error: pool closed\n")
        .contains("\tat dev.nines.cli.");
  }
}
