package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilenceCommandIT {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private Cli cli() {
    return new Cli(dir).clock(NOW).env("USER", "ann");
  }

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
  }

  @Test
  void a_silence_is_added_listed_and_removed() {
    Cli.Outcome added =
        cli()
            .run(
                "silence",
                "add",
                "--dataset",
                "orders",
                "--for",
                "2h",
                "--reason",
                "backfill",
                "--store",
                store());
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(added.out())
        .contains(
            "silence added: #1  dataset=orders  2026-03-02T10:00:00Z -> 2026-03-02T12:00:00Z  by"
                + " ann: backfill");
    Cli.Outcome listed = cli().run("silence", "list", "--store", store());
    assertThat(listed.out()).contains("#1  dataset=orders");
    Cli.Outcome removed = cli().run("silence", "remove", "1", "--store", store());
    assertThat(removed.out()).contains("silence #1 removed");
    assertThat(cli().run("silence", "list", "--store", store()).out()).contains("no silences");
    Cli.Outcome again = cli().run("silence", "remove", "1", "--store", store());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("no silence #1");
  }

  @Test
  void a_silence_without_a_match_or_a_length_is_refused_with_the_reason() {
    Cli.Outcome noMatch =
        cli().run("silence", "add", "--for", "2h", "--reason", "x", "--store", store());
    assertThat(noMatch.exitCode()).isEqualTo(2);
    assertThat(noMatch.err())
        .contains("cannot add the silence: a silence must name a dataset, pipeline, source")
        .doesNotContain("\tat ");
    Cli.Outcome noLength =
        cli().run("silence", "add", "--dataset", "orders", "--reason", "x", "--store", store());
    assertThat(noLength.err()).contains("say how long");
  }

  @Test
  void the_outbox_of_a_new_store_is_empty() {
    Cli.Outcome outbox = cli().run("notify", "outbox", "--store", store());
    assertThat(outbox.exitCode()).as(outbox.toString()).isZero();
    assertThat(outbox.out()).contains("the outbox is empty");
    assertThat(cli().run("notify", "outbox", "--failed", "--store", store()).out())
        .contains("no notification was given up");
  }
}
