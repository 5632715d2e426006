package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart a newcomer runs first must show exactly the faults it promises. */
class QuickstartIT {
  private static final Path QUICKSTART =
      Path.of("..", "examples", "quickstart", "nines.yml").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void quickstart_shows_one_freshness_fail_one_duplicates_fail_and_one_system_error()
      throws Exception {
    assertThat(QUICKSTART).exists();

    Cli.Outcome outcome =
        new Cli(dir).run("check", "-c", QUICKSTART.toString(), "--format", "json", "--no-store");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    JsonNode observations = new ObjectMapper().readTree(outcome.out()).get("observations");
    List<String> failures = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode observation : observations) {
      String label = observation.get("dataset").asText() + "." + observation.get("check").asText();
      switch (observation.get("status").asText()) {
        case "FAIL" -> failures.add(observation.get("check_type").asText() + " " + label);
        case "ERROR" -> {
          errors.add(label);
          assertThat(observation.get("kind").asText()).isEqualTo("SYSTEM");
          assertThat(observation.get("error_category").asText()).isEqualTo("CONNECTION");
        }
        default -> assertThat(observation.get("kind").asText()).isEqualTo("DATA");
      }
    }
    assertThat(failures)
        .containsExactlyInAnyOrder(
            "freshness orders.freshness", "duplicates orders.duplicates_order_id");
    assertThat(errors).containsExactly("crm_contacts.row_count");
    assertThat(observations.size()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void quickstart_table_tells_data_failures_from_the_system_error() throws Exception {
    Cli.Outcome outcome =
        new Cli(dir).run("check", "-c", QUICKSTART.toString(), "--store", store());

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.out())
        .containsPattern("FAIL +freshness +DATA")
        .containsPattern("FAIL +duplicates_order_id +DATA")
        .containsPattern("ERROR +row_count +SYSTEM .*CONNECTION")
        .containsPattern("2 failed \\(data\\), 1 error \\(system\\)");
    assertThat(Files.exists(dir.resolve("store.mv.db"))).isTrue();
  }

  @Test
  void finance_sla_report_after_the_quickstart_shows_the_freshness_promise_broken_by_its_incident()
      throws Exception {
    Cli cli = new Cli(dir);
    assertThat(cli.run("check", "-c", QUICKSTART.toString(), "--store", store()).exitCode())
        .isEqualTo(2);

    Cli.Outcome report =
        cli.run(
            "report",
            "sla",
            "-c",
            QUICKSTART.toString(),
            "--store",
            store(),
            "--consumer",
            "finance");

    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out())
        .startsWith("# SLA report: finance — last 30d")
        .contains("A breach is SEV1 (page now, any hour).")
        .contains("**0 of 1 promise kept.**")
        .contains("| orders and payments are never older than 24 hours | **BREACHED** |")
        .containsPattern("\\| #\\d+ [^|]*freshness[^|]* \\| dataset orders \\| SEV1 \\|")
        .contains("\nAge of orders (SLO orders_fresh): max age ")
        .contains("\nAge of payments (check payments.freshness): max age ");

    // seen before the check ran, there was nothing yet: no incident, no age measured
    Cli.Outcome before =
        cli.run(
            "report",
            "sla",
            "-c",
            QUICKSTART.toString(),
            "--store",
            store(),
            "--consumer",
            "finance",
            "--at",
            "2020-01-01T00:00Z");
    assertThat(before.exitCode()).as(before.toString()).isZero();
    assertThat(before.out())
        .contains("**1 of 1 promise kept.**")
        .contains("Age of orders (SLO orders_fresh): no freshness observation in the period");

    Cli.Outcome wrong =
        cli.run(
            "report",
            "downtime",
            "-c",
            QUICKSTART.toString(),
            "--store",
            store(),
            "--at",
            "last tuesday");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err())
        .contains("--at: 'last tuesday' is not an instant: write 2026-10-20T12:00Z")
        .doesNotContain("\tat ");
  }

  @Test
  void research_and_the_recommender_have_their_own_reports_and_a_stranger_gets_a_plain_message()
      throws Exception {
    Cli cli = new Cli(dir);
    cli.run("check", "-c", QUICKSTART.toString(), "--store", store());

    Cli.Outcome research =
        cli.run(
            "report",
            "sla",
            "-c",
            QUICKSTART.toString(),
            "--store",
            store(),
            "--consumer",
            "research",
            "--format",
            "json");
    assertThat(research.exitCode()).as(research.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(research.out());
    assertThat(json.get("breach").asText()).isEqualTo("SEV3");
    assertThat(json.get("agreements").get(0).get("met").asBoolean()).isFalse();
    assertThat(json.get("agreements").get(0).get("incidents").get(0).get("subject").asText())
        .isEqualTo("dataset orders");

    Cli.Outcome recommender =
        cli.run(
            "report",
            "sla",
            "-c",
            QUICKSTART.toString(),
            "--store",
            store(),
            "--consumer",
            "recommender",
            "--format",
            "html");
    assertThat(recommender.out()).startsWith("<!DOCTYPE html>").contains("1 of 1 promise kept");

    Cli.Outcome stranger =
        cli.run(
            "report",
            "sla",
            "-c",
            QUICKSTART.toString(),
            "--store",
            store(),
            "--consumer",
            "marketing");
    assertThat(stranger.exitCode()).isEqualTo(2);
    assertThat(stranger.err())
        .contains("no consumer 'marketing'")
        .contains("research, finance, recommender")
        .doesNotContain("\tat ");
  }

  @Test
  void the_downtime_and_dataset_reports_read_the_quickstarts_history() throws Exception {
    Cli cli = new Cli(dir);
    cli.run("check", "-c", QUICKSTART.toString(), "--store", store());

    Cli.Outcome downtime =
        cli.run("report", "downtime", "-c", QUICKSTART.toString(), "--store", store());
    assertThat(downtime.exitCode()).as(downtime.toString()).isZero();
    assertThat(downtime.out())
        .contains("## Datasets, worst first")
        .containsPattern("\\| orders \\| 1d");

    Cli.Outcome orders =
        cli.run("report", "dataset", "orders", "-c", QUICKSTART.toString(), "--store", store());
    assertThat(orders.exitCode()).as(orders.toString()).isZero();
    assertThat(orders.out())
        .contains("| Volume | 40 rows")
        .contains("| Variety | source shop, 6 columns")
        .contains("11 check results: 9 passed, 2 failed, 0 could not run; pass rate 81.818%")
        .contains("| Variety over time | 1 schema snapshot in the period, 1 distinct schema seen;")
        .contains(
            "| Value | reads not known on h2: it keeps no per-table read counters;"
                + " size not known on h2: an in-memory database has no disk size |")
        .contains("| Source-to-available latency | unknown: no run is known to write it |");
  }

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
  }
}
