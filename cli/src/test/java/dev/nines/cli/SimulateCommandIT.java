package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when, as a user runs it: the quickstart's month is played, a fast burn pages, a
 * slow burn opens a ticket, and each of the three consumers gets an SLA report of the month.
 */
class SimulateCommandIT {
  private static final Path QUICKSTART =
      Path.of("..", "examples", "quickstart").toAbsolutePath().normalize();
  private static final String TINY_SPEC =
      """
      sources:
        shop: { url: "jdbc:h2:mem:shop" }
      datasets:
        orders:
          source: shop
          table: orders
          checks:
            - duplicates: { column: order_id }
      """;

  @TempDir Path dir;

  @Test
  void the_quickstart_month_pages_on_a_fast_burn_tickets_a_slow_one_and_reports_each_consumer()
      throws Exception {
    Cli cli = new Cli(dir);
    String spec = QUICKSTART.resolve("nines.yml").toString();

    Cli.Outcome played =
        cli.run(
            "simulate",
            "-c",
            spec,
            "-c",
            QUICKSTART.resolve("oncall.yml").toString(),
            QUICKSTART.resolve("month.yml").toString(),
            "--out",
            "sim");

    assertThat(played.exitCode()).as(played.toString()).isZero();
    assertThat(played.out())
        // the recommender's 12-minute outage: every answer slow, 1h and 5m windows burn ≥ 14.4×
        .containsPattern(
            "2026-10-07 12:05  answers_fast +PAGE +burning [0-9.]+× over 56m → incident #\\d+ SEV1"
                + " \\(page now, any hour\\)")
        // one slow answer in 250 for three days: 1d and 2h windows ≥ 3×, never a page
        .containsPattern(
            "2026-10-22 \\d\\d:\\d\\d  answers_fast +TICKET +burning [0-9.]+× over 22h24m →"
                + " incident #\\d+ SEV2 \\(next business day\\)")
        .doesNotContainPattern("2026-10-2[2-4] \\d\\d:\\d\\d  answers_fast +PAGE")
        // research agreed on no real-time alerts: its page-level burn is a next-sprint incident
        .containsPattern("orders_unique +PAGE .* SEV3 \\(next sprint\\)")
        .containsPattern("orders_fresh +PAGE .* SEV1 \\(page now, any hour\\)")
        .contains("source legacy_crm")
        .containsPattern(
            "finance +0 of 1 promises kept, budget left -\\d+%, downtime 7h in 2 incidents")
        .containsPattern(
            "research +1 of 1 promises kept, budget left \\d+%, downtime 3h 30m in 1 incident\\n")
        .containsPattern("recommender +1 of 1 promises kept, budget left 35%, downtime none")
        // the page reaches the on-call at once; the Thursday-evening ticket waits for Friday 09:00
        .containsPattern("2026-10-07 12:05  oncall +trigger +#1\\n")
        .containsPattern("2026-10-23 09:00  data-team +trigger +#9\\n")
        .doesNotContainPattern("oncall +trigger +#9")
        // research's two incidents of the day go out together in the 09:00 digest
        .containsPattern("2026-10-15 09:00  data-team +trigger +#5 #6\\n");
    for (String consumer : new String[] {"finance", "research", "recommender"}) {
      assertThat(dir.resolve("sim/sla-" + consumer + ".md")).exists();
      assertThat(Files.readString(dir.resolve("sim/sla-" + consumer + ".html")))
          .startsWith("<!DOCTYPE html>")
          .contains(consumer);
    }
    assertThat(Files.readString(dir.resolve("sim/sla-finance.md")))
        .contains("**0 of 1 promise kept.** Downtime 7h in 2 incidents")
        .contains("orders_fresh at 99.059% < 99.5%");
    assertThat(Files.readString(dir.resolve("sim/sla-recommender.md")))
        .contains(
            "**1 of 1 promise kept.** No downtime; the 2 incidents below were burn-rate alerts or"
                + " warnings, not downtime.")
        .contains("| answers_fast | 99.9% | 99.935% | 65% | yes |");

    // the store stays readable by the ordinary report command
    Cli.Outcome report =
        cli.run(
            "report",
            "sla",
            "-c",
            spec,
            "--consumer",
            "recommender",
            "--period",
            "2026-10",
            "--format",
            "json",
            "--store",
            "jdbc:h2:file:" + dir.resolve("sim/store"));
    assertThat(report.exitCode()).as(report.toString()).isZero();
    JsonNode agreement = new ObjectMapper().readTree(report.out()).get("agreements").get(0);
    assertThat(agreement.get("met").asBoolean()).isTrue();
    // 24 outage reports + 34 slow ones of 89,280: 58 of 89.28 allowed = 65%
    assertThat(agreement.get("slos").get(0).get("budgetSpent").decimalValue().doubleValue())
        .isCloseTo(58 / 89.28, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void a_scenario_naming_what_the_spec_lacks_is_refused_with_its_place_and_nothing_is_played()
      throws Exception {
    Files.writeString(dir.resolve("nines.yml"), TINY_SPEC);
    Files.writeString(
        dir.resolve("month.yml"),
        """
        month: 2026-10
        faults:
          - { fail: orders.duplicates_id, from: 2026-10-03T00:00, for: 1h }
        """);

    Cli.Outcome outcome = new Cli(dir).run("simulate", "month.yml", "--out", "sim");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.err())
        .contains("the scenario is invalid, nothing was played (1 problem):")
        .contains("month.yml:3:")
        .contains("no check of orders named 'duplicates_id'")
        .contains("duplicates_order_id");
    assertThat(dir.resolve("sim")).doesNotExist();
    assertThat(new Cli(dir).run("simulate", "missing.yml").err())
        .contains("scenario file missing.yml does not exist");
    Files.createDirectories(dir.resolve("folder"));
    assertThat(new Cli(dir).run("simulate", "folder").err())
        .contains("scenario folder is not a file");
  }

  @Test
  void a_month_is_not_played_into_a_store_that_holds_real_history() throws Exception {
    Files.writeString(dir.resolve("nines.yml"), TINY_SPEC);
    Files.writeString(dir.resolve("month.yml"), "month: 2026-10\nevery: 1d\nevaluate_every: 1d\n");
    String store = "jdbc:h2:file:" + dir.resolve("real");
    Cli cli = new Cli(dir);

    Cli.Outcome first = cli.run("simulate", "month.yml", "--store", store);
    Cli.Outcome second = cli.run("simulate", "month.yml", "--store", store);
    // its own store (--out) is replaced instead, so a month can be played again
    Cli.Outcome own = cli.run("simulate", "month.yml", "--out", "sim");
    Cli.Outcome again = cli.run("simulate", "month.yml", "--out", "sim");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("31 check observations").contains("Incidents (0)");
    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.err()).contains("already holds check runs");
    assertThat(own.exitCode()).isZero();
    assertThat(again.exitCode()).as(again.toString()).isZero();
  }
}
