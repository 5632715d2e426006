package dev.nines.store.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.simulate.Fault;
import dev.nines.simulate.MetricStream;
import dev.nines.simulate.Scenario;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LooksTest {
  private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
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
            - freshness: { column: loaded_at, warn: 6h, fail: 24h }
            - duplicates: { column: order_id }
        contacts:
          source: crm
          table: contacts
          checks:
            - row_count: { min: 1 }
      """;

  @TempDir Path folder;

  private Looks looks(List<Fault> faults) throws Exception {
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    Scenario scenario =
        new Scenario(
            "month.yml",
            YearMonth.of(2026, 10),
            ZoneOffset.UTC,
            Duration.ofMinutes(15),
            Duration.ofMinutes(5),
            Map.of("orders", Duration.ofHours(1)),
            List.of(new MetricStream("orders", "latency", Duration.ofSeconds(30), 0.8)),
            faults);
    return new Looks(spec, scenario);
  }

  private static Instant at(String dayHour) {
    return Instant.parse("2026-10-" + dayHour + ":00Z");
  }

  private static Observation of(List<Observation> observations, String check) {
    return observations.stream().filter(o -> o.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void freshness_measures_the_age_since_the_last_load_and_stopped_loads_let_it_grow()
      throws Exception {
    // loads stop from Oct 9 01:00 for 26 h: the last load is Oct 9 00:00, the next Oct 10 03:00
    Looks looks =
        looks(List.of(new Fault.NoLoads("orders", at("09T01:00"), Duration.ofHours(26), null)));

    Observation usual = of(looks.at(at("08T12:45")), "freshness");
    Observation warned = of(looks.at(at("09T06:15")), "freshness");
    Observation failed = of(looks.at(at("10T00:15")), "freshness");
    Observation loaded = of(looks.at(at("10T03:00")), "freshness");

    assertThat(usual.status()).isEqualTo(Status.PASS);
    assertThat(usual.value()).isEqualTo(45 * 60.0);
    assertThat(warned.status()).isEqualTo(Status.WARN);
    assertThat(warned.value()).isEqualTo(Duration.ofMinutes(6 * 60 + 15).toSeconds());
    assertThat(failed.status()).isEqualTo(Status.FAIL);
    assertThat(failed.value()).isEqualTo(Duration.ofMinutes(24 * 60 + 15).toSeconds());
    // the age bounds are stated as a real freshness check states them, in seconds
    assertThat(failed.expectation().fail().max()).isEqualTo(86_400.0);
    assertThat(failed.expectation().warn().max()).isEqualTo(21_600.0);
    assertThat(loaded.status()).isEqualTo(Status.PASS);
    assertThat(loaded.value()).isZero();
    assertThat(looks.lastLoad("orders", at("09T23:59"))).isEqualTo(at("09T00:00"));
  }

  @Test
  void a_source_down_makes_every_check_on_it_a_system_error_and_no_other() throws Exception {
    Looks looks =
        looks(
            List.of(
                new Fault.SourceDown("crm", at("12T22:00"), Duration.ofMinutes(45), null),
                new Fault.CheckStatus(
                    "orders",
                    "duplicates_order_id",
                    Status.FAIL,
                    at("12T22:00"),
                    Duration.ofHours(1),
                    "replayed partition")));

    List<Observation> during = looks.at(at("12T22:30"));
    List<Observation> after = looks.at(at("12T22:45"));

    Observation down = of(during, "row_count");
    assertThat(down.status()).isEqualTo(Status.ERROR);
    assertThat(down.kind()).isEqualTo(Kind.SYSTEM);
    assertThat(down.errorCategory()).isEqualTo(ErrorCategory.CONNECTION);
    assertThat(of(during, "duplicates_order_id").status()).isEqualTo(Status.FAIL);
    assertThat(of(during, "duplicates_order_id").message())
        .isEqualTo("simulated: replayed partition");
    assertThat(of(after, "row_count").status()).isEqualTo(Status.PASS);
    assertThat(during).hasSize(3);
  }

  @Test
  void a_metric_fault_with_a_share_changes_that_share_of_reports_and_only_within_its_time()
      throws Exception {
    MetricStream latency = new MetricStream("orders", "latency", Duration.ofSeconds(30), 0.8);
    Looks looks =
        looks(
            List.of(
                new Fault.MetricValue(
                    "orders", "latency", 3.1, 0.004, at("22T00:00"), Duration.ofDays(3), null)));
    long first = Duration.between(OCTOBER, at("22T00:00")).toSeconds() / 30;

    long slow =
        LongStream.range(first - 100, first + 3 * 2_880 + 100)
            .filter(
                index -> looks.report(latency, index, OCTOBER.plusSeconds(index * 30)).value() > 2)
            .count();

    // 8,640 reports in three days, one in 250 slow: 34
    assertThat(slow).isEqualTo(34);
  }
}
