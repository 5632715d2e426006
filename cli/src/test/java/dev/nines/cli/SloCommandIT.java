package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloCommandIT {
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
            checks:
              - duplicates: { column: order_id }
        slos:
          orders_unique:
            description: orders ids are unique
            sli: { check: orders.duplicates_order_id }
            objective: 99%%
            window: 30d
          orders_rows:
            sli: { metric: { dataset: orders, metric: row_count }, good: { min: 1 } }
            objective: 99%%
            window: 30d
        store: { url: "jdbc:h2:file:%s" }
        """
            .formatted(url, dir.resolve("store").toAbsolutePath()));
  }

  private Cli.Outcome run(String... args) {
    return new Cli(dir).run(args);
  }

  @Test
  void slo_status_pages_on_a_failing_check_and_prints_json_with_budget_and_burn_rates()
      throws Exception {
    spec(ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 2));
    assertThat(run("check").exitCode()).isEqualTo(1);
    assertThat(run("check").exitCode()).isEqualTo(1);

    Cli.Outcome json = run("slo", "status", "--format", "json");
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
    JsonNode slos = new ObjectMapper().readTree(json.out());
    assertThat(slos).hasSize(2);
    JsonNode unique = slos.get(0);
    assertThat(unique.path("name").asText()).isEqualTo("orders_unique");
    assertThat(unique.path("bad").asLong()).isEqualTo(2);
    assertThat(unique.path("good").asLong()).isZero();
    assertThat(unique.path("budgetUnit").asText()).isEqualTo("events");
    assertThat(unique.path("budgetSpent").asDouble()).isEqualTo(2.0);
    assertThat(unique.path("burnRates").path("5m").asDouble()).isEqualTo(100.0);
    assertThat(unique.path("alert").asText()).isEqualTo("PAGE");
    // the metric SLI is fed from stored measurements; no check measured row_count: no SLI value
    JsonNode rows = slos.get(1);
    assertThat(rows.path("name").asText()).isEqualTo("orders_rows");
    assertThat(rows.path("problem").isMissingNode() || rows.path("problem").isNull())
        .as(rows.toString())
        .isTrue();
    assertThat(rows.path("sliValue").isNull()).isTrue();
    assertThat(rows.path("good").asLong() + rows.path("bad").asLong()).isZero();

    Cli.Outcome table = run("slo", "status", "orders_unique");
    assertThat(table.out())
        .containsPattern("orders_unique +99% +30d +0\\.000% ")
        .contains("PAGE")
        .doesNotContain("orders_rows");
  }

  @Test
  void slo_status_names_an_unknown_slo_and_the_declared_ones() throws Exception {
    spec(ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0));

    Cli.Outcome outcome = run("slo", "status", "orders_uniq");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("no SLO named 'orders_uniq'").contains("orders_unique");
    assertThat(outcome.err()).doesNotContain("\tat ");
  }
}
