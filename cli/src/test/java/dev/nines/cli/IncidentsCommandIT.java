package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsCommandIT {
  @TempDir Path dir;

  private void spec(String url) throws Exception {
    Files.writeString(
        dir.resolve("nines.yml"),
        """
        sources:
          shop: { url: "%s", user: sa }
        datasets:
          orders:
            source: shop
            table: orders
            owner: data-eng
            checks:
              - duplicates: { column: order_id }
        consumers:
          research:
            agreements: [ { promise: orders ids are unique, datasets: [orders] } ]
            breach: SEV3
        store: { url: "jdbc:h2:file:%s" }
        """
            .formatted(url, dir.resolve("store").toAbsolutePath()));
  }

  private Cli.Outcome run(String... args) {
    return new Cli(dir).run(args);
  }

  @Test
  void a_failing_check_opens_an_incident_and_two_passing_runs_resolve_it_with_ttd_and_ttr()
      throws Exception {
    spec(ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 2));
    assertThat(run("check").exitCode()).isEqualTo(1);

    Cli.Outcome listed = run("incidents", "list", "--format", "json");
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    JsonNode incidents = new ObjectMapper().readTree(listed.out());
    assertThat(incidents).hasSize(1);
    JsonNode incident = incidents.get(0);
    assertThat(incident.path("severity").asText()).isEqualTo("SEV3");
    assertThat(incident.path("status").asText()).isEqualTo("OPEN");
    assertThat(incident.path("title").asText())
        .isEqualTo("dataset orders: duplicates_order_id FAIL");
    assertThat(incident.path("consumers").get(0).asText()).isEqualTo("research");

    spec(ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0));
    assertThat(run("check").exitCode()).isZero();
    assertThat(run("incidents", "list", "--status", "open").out()).contains("#1").contains("SEV3");
    assertThat(run("check").exitCode()).isZero();

    Cli.Outcome shown = run("incidents", "show", "1");
    assertThat(shown.exitCode()).as(shown.toString()).isZero();
    assertThat(shown.out())
        .contains("status:      resolved as fixed")
        .contains("(TTD ")
        .contains("(TTR ")
        .containsPattern("OPENED +nines +SEV3 dataset orders")
        .containsPattern("RESOLVED +nines +fixed: passed 2 times in a row");
    JsonNode resolved =
        new ObjectMapper().readTree(run("incidents", "show", "1", "--format", "json").out());
    assertThat(resolved.path("incident").path("timeToResolve").asText()).startsWith("PT");
    assertThat(resolved.path("observations")).hasSize(1);
    assertThat(run("incidents", "list", "--status", "open").out()).isEqualTo("no incidents\n");
    Cli.Outcome stats = run("incidents", "stats", "--by", "dataset");
    assertThat(stats.out()).containsPattern("orders +1 +1 ");
    Cli.Outcome explained = run("incidents", "explain", "1");
    assertThat(explained.out())
        .contains("#1 is SEV3 (next sprint)")
        .contains("because: default policy: a data failure is at least SEV3");
  }

  @Test
  void people_act_on_incidents_and_bad_input_is_explained() throws Exception {
    spec(ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 2));
    run("check");

    assertThat(run("incidents", "ack", "1", "--by", "alice").out())
        .isEqualTo("#1 acknowledged by alice\n");
    assertThat(run("incidents", "assign", "1", "bob").exitCode()).isZero();
    assertThat(run("incidents", "comment", "1", "looking").exitCode()).isZero();
    Cli.Outcome nonsense = run("incidents", "resolve", "1", "--as", "nonsense");
    assertThat(nonsense.exitCode()).isEqualTo(2);
    assertThat(nonsense.err())
        .contains(
            "--as: unknown value 'nonsense' (use fixed, expected, false_positive or"
                + " no_action_needed)");
    assertThat(run("incidents", "resolve", "1", "--as", "expected", "--comment", "backfill").out())
        .isEqualTo("#1 resolved as expected\n");
    Cli.Outcome again = run("incidents", "ack", "1");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err())
        .contains("incident #1 is resolved: only an open incident is acknowledged");
    Cli.Outcome bare = run("incidents");
    assertThat(bare.exitCode()).isEqualTo(2);
    assertThat(bare.err()).contains("a subcommand is missing: list, show, ack, resolve");
    Cli.Outcome badId = run("incidents", "show", "abc");
    assertThat(badId.exitCode()).isEqualTo(2);
    assertThat(badId.err()).contains("'abc' is not an incident id");
    Cli.Outcome unknown = run("incidents", "show", "99");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no incident #99");
    assertThat(unknown.err()).doesNotContain("Exception");
    assertThat(run("incidents", "show", "1").out())
        .contains("owner:       bob")
        .containsPattern("COMMENTED +\\S+ +looking")
        .containsPattern("RESOLVED +\\S+ +resolved as expected by \\S+: backfill");
  }
}
