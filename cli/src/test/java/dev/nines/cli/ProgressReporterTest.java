package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.cli.internal.ProgressReporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  /** A clock that moves only when told. */
  private static final class StepClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void a_short_run_off_a_terminal_prints_nothing() {
    StringWriter err = new StringWriter();
    StepClock clock = new StepClock();
    ProgressReporter progress =
        new ProgressReporter(new PrintWriter(err), false, clock, Duration.ofSeconds(2));

    progress.datasetStarted("orders", 1, 2);
    clock.advance(Duration.ofSeconds(1));
    progress.datasetStarted("customers", 2, 2);
    progress.finish();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void a_long_run_off_a_terminal_prints_a_line_per_dataset_after_the_quiet_time() {
    StringWriter err = new StringWriter();
    StepClock clock = new StepClock();
    ProgressReporter progress =
        new ProgressReporter(new PrintWriter(err), false, clock, Duration.ofSeconds(2));

    progress.datasetStarted("orders", 1, 3);
    clock.advance(Duration.ofSeconds(3));
    progress.datasetStarted("customers", 2, 3);
    progress.finish();

    assertThat(err.toString()).isEqualTo("checking customers (2/3)" + System.lineSeparator());
  }

  @Test
  void on_a_terminal_one_live_line_is_rewritten_and_cleared() {
    StringWriter err = new StringWriter();
    ProgressReporter progress =
        new ProgressReporter(new PrintWriter(err), true, Clock.systemUTC(), Duration.ofSeconds(2));

    progress.datasetStarted("orders", 1, 2);
    progress.finish();

    assertThat(err.toString()).isEqualTo("\r\u001b[Kchecking orders (1/2)…\r\u001b[K");
  }
}
