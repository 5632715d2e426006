package dev.nines.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.check.CheckTypes;
import dev.nines.observation.Status;
import dev.nines.spec.InvalidSpecException;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.SpecProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
  private static final String SPEC =
      """
      sources:
        shop: { url: "jdbc:h2:mem:shop" }
        crm: { url: "jdbc:h2:mem:crm" }
      datasets:
        orders:
          source: shop
          table: orders
          checks:
            - freshness: { column: loaded_at, fail: 24h }
            - duplicates: { column: order_id }
        recommendations: { source: shop, table: recommendations }
      """;

  @TempDir Path folder;
  Spec spec;

  @BeforeEach
  void writeSpec() throws IOException {
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }

  private Scenario read(String yaml) throws IOException {
    Path file = folder.resolve("month.yml");
    Files.writeString(file, yaml);
    return ScenarioReader.read(file, "month.yml", spec);
  }

  private List<String> problems(String yaml) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(yaml));
    assertThat(thrown).isInstanceOf(InvalidSpecException.class);
    return ((InvalidSpecException) thrown).problems().stream().map(SpecProblem::toString).toList();
  }

  @Test
  void a_scenario_reads_its_month_loads_metrics_and_every_kind_of_fault() throws IOException {
    Scenario scenario =
        read(
            """
            month: 2026-03
            zone: Europe/Paris
            every: 30m
            loads: { orders: 1h }
            metrics:
              recommendations.latency_seconds: { every: 30s, value: 0.8 }
            faults:
              - { no_loads: orders, from: 2026-03-09T01:00, for: 26h, about: the batch stops }
              - { fail: orders.duplicates_order_id, from: 2026-03-15T08:00Z, for: 3h }
              - { warn: orders.freshness, from: 2026-03-16T08:00, for: 1h }
              - { source_down: crm, from: 2026-03-12T22:00, for: 45m }
              - metric: recommendations.latency_seconds
                value: 3.1
                share: 0.4%
                from: 2026-03-22T00:00
                for: 3d
            """);

    // March 2026 in Paris: starts at 23:00 UTC the day before, 743 hours (clocks go forward)
    assertThat(scenario.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(Duration.between(scenario.start(), scenario.end())).isEqualTo(Duration.ofHours(743));
    assertThat(scenario.every()).isEqualTo(Duration.ofMinutes(30));
    assertThat(scenario.evaluateEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(scenario.loadEvery("orders")).isEqualTo(Duration.ofHours(1));
    assertThat(scenario.loadEvery("recommendations")).isEqualTo(Duration.ofMinutes(30));
    assertThat(scenario.metrics())
        .containsExactly(
            new MetricStream("recommendations", "latency_seconds", Duration.ofSeconds(30), 0.8));
    assertThat(scenario.faults())
        .containsExactly(
            new Fault.NoLoads(
                "orders",
                Instant.parse("2026-03-09T00:00:00Z"),
                Duration.ofHours(26),
                "the batch stops"),
            new Fault.CheckStatus(
                "orders",
                "duplicates_order_id",
                Status.FAIL,
                Instant.parse("2026-03-15T08:00:00Z"),
                Duration.ofHours(3),
                null),
            new Fault.CheckStatus(
                "orders",
                "freshness",
                Status.WARN,
                Instant.parse("2026-03-16T07:00:00Z"),
                Duration.ofHours(1),
                null),
            new Fault.SourceDown(
                "crm", Instant.parse("2026-03-12T21:00:00Z"), Duration.ofMinutes(45), null),
            new Fault.MetricValue(
                "recommendations",
                "latency_seconds",
                3.1,
                0.004,
                Instant.parse("2026-03-21T23:00:00Z"),
                Duration.ofDays(3),
                null));
  }

  @Test
  void every_mistake_is_reported_at_its_place_with_the_names_the_spec_knows() {
    List<String> problems =
        problems(
            """
            month: 2026-10
            evry: 15m
            loads: { ordrs: 1h }
            metrics:
              recommendations.latency_seconds: { every: 30s, value: fast }
            faults:
              - { fail: orders.duplicate_order_id, from: 2026-10-15T08:00, for: 3h }
              - { source_down: warehouse, from: 2026-10-15T08:00, for: 3h }
              - { no_loads: orders, fail: orders.freshness, from: 2026-10-15T08:00, for: 3h }
              - { no_loads: orders, from: 2026-11-02T00:00, for: 3h }
              - { no_loads: orders, from: yesterday, for: 3h }
              - { no_loads: orders, from: 2026-10-02T00:00 }
              - { from: 2026-10-02T00:00, for: 1h }
              - { metric: recommendations.latency_seconds, value: 3, share: 140%, from: 2026-10-02T00:00, for: 1h }
            """);

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("month.yml:2:").contains("unknown key 'evry'"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("month.yml:3:")
                    .contains("no dataset named 'ordrs'")
                    .contains("did you mean 'orders'"))
        .anySatisfy(p -> assertThat(p).startsWith("month.yml:5:").contains("expected a number"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("month.yml:7:")
                    .contains("no check of orders named 'duplicate_order_id'")
                    .contains("duplicates_order_id"))
        .anySatisfy(
            p -> assertThat(p).startsWith("month.yml:8:").contains("no source named 'warehouse'"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("month.yml:9:")
                    .contains("a fault has one kind, this one has no_loads and fail"))
        .anySatisfy(
            p -> assertThat(p).startsWith("month.yml:10:").contains("starts outside the month"))
        .anySatisfy(
            p -> assertThat(p).startsWith("month.yml:11:").contains("'yesterday' is not a time"))
        .anySatisfy(p -> assertThat(p).startsWith("month.yml:12:").contains("a fault needs 'for'"))
        .anySatisfy(p -> assertThat(p).startsWith("month.yml:13:").contains("a fault needs one of"))
        .anySatisfy(
            p -> assertThat(p).startsWith("month.yml:14:").contains("must be over 0% and at most"));
  }

  @Test
  void a_scenario_without_a_month_or_that_is_not_yaml_is_refused() {
    assertThat(problems("every: 15m\n")).singleElement().asString().contains("needs 'month'");
    assertThat(problems("month: [2026\n")).singleElement().asString().startsWith("month.yml:");
    assertThat(problems("month: October\n"))
        .singleElement()
        .asString()
        .contains("'October' is not a month such as 2026-10");
  }

  @Test
  void a_share_of_reports_is_spread_evenly_one_in_two_hundred_fifty_for_point_four_percent() {
    Fault.MetricValue slow =
        new Fault.MetricValue(
            "recommendations",
            "latency_seconds",
            3.1,
            0.004,
            Instant.parse("2026-10-22T00:00:00Z"),
            Duration.ofDays(3),
            null);

    List<Long> hits = LongStream.range(0, 1_000).filter(slow::hits).boxed().toList();

    assertThat(hits).containsExactly(249L, 499L, 749L, 999L);
    assertThat(
            LongStream.range(0, 10)
                .allMatch(
                    new Fault.MetricValue(
                            "r", "m", 1, 1.0, Instant.EPOCH, Duration.ofHours(1), null)
                        ::hits))
        .isTrue();
    assertThatThrownBy(
            () -> new Fault.MetricValue("r", "m", 1, 0, Instant.EPOCH, Duration.ofHours(1), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
