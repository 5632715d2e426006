package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandIT {
  @TempDir Path dir;

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
  }

  @Test
  void with_store_given_no_spec_is_needed_and_an_empty_history_says_so() {
    Cli.Outcome outcome = new Cli(dir).run("history", "orders", "row_count", "--store", store());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out()).contains("no measurements of 'row_count' for dataset 'orders' yet");
  }

  @Test
  void a_limit_below_one_is_refused() {
    Cli.Outcome outcome =
        new Cli(dir).run("history", "orders", "row_count", "--store", store(), "--limit", "0");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--limit must be at least 1");
  }

  @Test
  void an_unsupported_store_url_is_explained() {
    Cli.Outcome outcome =
        new Cli(dir).run("history", "orders", "row_count", "--store", "jdbc:sqlite:x.db");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("jdbc:sqlite:x.db").doesNotContain("\tat ");
  }

  @Test
  void both_arguments_are_required() {
    Cli.Outcome outcome = new Cli(dir).run("history", "orders");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("METRIC_OR_CHECK");
  }
}
