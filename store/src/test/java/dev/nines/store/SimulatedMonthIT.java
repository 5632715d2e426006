package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.IncidentManager;
import dev.nines.incident.Severity;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.report.AgreementReport;
import dev.nines.report.DowntimeReport;
import dev.nines.report.MarkdownReports;
import dev.nines.report.ReportPeriod;
import dev.nines.report.SlaReport;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.store.report.StoreReports;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * October 2026 simulated hour by hour with an injected clock: checks look every hour, incidents
 * open and resolve, the SLOs are evaluated over the month from the observation log, and the three
 * consumers of the quickstart get their SLA reports. Every figure is computed by hand in the
 * comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the month is simulated once for all tests
class SimulatedMonthIT {
  private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
  private static final int HOURS = 31 * 24; // 744
  private static final String SPEC =
      """
      sources:
        shop: { url: "jdbc:h2:mem:shop" }
      datasets:
        orders:
          source: shop
          table: orders
          checks:
            - freshness: { column: loaded_at, fail: 24h }
            - duplicates: { column: order_id }
        recommendations: { source: shop, table: recommendations }
      slos:
        orders_fresh:
          sli: { freshness: orders, max_age: 24h }
          objective: 99.5%
          window: { calendar: month, zone: UTC }
        orders_unique:
          sli: { check: orders.duplicates_order_id }
          objective: 99%
          window: { calendar: month, zone: UTC }
        answers_fast:
          sli: { metric: { dataset: recommendations, metric: answer_p99_seconds }, good: { max: 2 } }
          objective: 99.9%
          window: 28d
      consumers:
        research:
          breach: SEV3
          agreements:
            - promise: order history is accurate and complete
              checks: [orders.duplicates_order_id]
              slos: [orders_unique]
        finance:
          breach: SEV1
          agreements:
            - promise: orders are never older than 24 hours
              checks: [orders.freshness]
        recommender:
          breach: SEV1
          agreements:
            - promise: the recommender answers within 2 seconds
              datasets: [recommendations]
              slos: [answers_fast]
      incidents:
        auto_resolve_after: 1
        reopen_within: 1m
      """;

  // hours of October (0 = Oct 1 00:00) whose look fails
  private static final Set<Integer> STALE =
      Set.of(
          hour(10, 6),
          hour(10, 7),
          hour(10, 8),
          hour(10, 9),
          hour(10, 10),
          hour(10, 11),
          hour(20, 0),
          hour(20, 1));
  private static final Set<Integer> DUPLICATED =
      Set.of(
          hour(15, 8),
          hour(15, 9),
          hour(15, 10),
          hour(25, 14),
          hour(25, 15),
          hour(25, 16),
          hour(25, 17));

  NinesStore store;
  Spec spec;

  @BeforeAll
  void simulateOctober(@TempDir Path folder) throws Exception {
    store = NinesStore.open(new H2FileDatabase().freshStore(folder));
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    store.incidents().startTailing();
    for (int hour = 0; hour < HOURS; hour++) {
      Instant at = OCTOBER.plus(Duration.ofHours(hour));
      store.save(
          StoreFixtures.run(
              at,
              List.of(
                  look("freshness", "freshness", STALE.contains(hour), at),
                  look("duplicates_order_id", "duplicates", DUPLICATED.contains(hour), at)),
              // the recommender reports its answer latency every hour, always under 2 seconds
              List.of(
                  StoreFixtures.measured(
                      "recommendations", "latency", "answer_p99_seconds", 0.8, at)),
              List.of()),
          List.of());
      store.incidents().process(new IncidentManager(spec, Clock.fixed(at, ZoneOffset.UTC)));
    }
  }

  @AfterAll
  void closeStore() {
    store.close();
  }

  private StoreReports reportsOnNovemberFirst() {
    return new StoreReports(
        store, Clock.fixed(Instant.parse("2026-11-01T09:00:00Z"), ZoneOffset.UTC));
  }

  private ReportPeriod october() {
    return ReportPeriod.parse("2026-10", ZoneOffset.UTC, Instant.parse("2026-11-01T09:00:00Z"));
  }

  @Test
  void finance_lost_ten_hours_to_two_stale_spells_and_its_promise_is_broken() {
    SlaReport report = reportsOnNovemberFirst().sla(spec, "finance", october());

    AgreementReport fresh = report.agreements().get(0);
    // stale looks Oct 10 06:00..11:00: down from the last pass (05:00) to the next pass (12:00),
    // 7 h; Oct 20 00:00..01:00: from Oct 19 23:00 to 02:00, 3 h
    assertThat(fresh.met()).isFalse();
    assertThat(fresh.downtime().downtime()).isEqualTo(Duration.ofHours(10));
    assertThat(fresh.downtime().incidents()).isEqualTo(2);
    assertThat(fresh.downtime().meanTimeToDetect()).isEqualTo(Duration.ofHours(1));
    // TTR 6 h and 2 h
    assertThat(fresh.downtime().meanTimeToResolve()).isEqualTo(Duration.ofHours(4));
    assertThat(fresh.incidents())
        .allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.SEV1));
    // 734 of 744 hours up: 98.655%, −log10(10/744) = 1.87 nines
    assertThat(fresh.downtime().uptime().describe()).isEqualTo("98.655% (1.8 nines)");
    assertThat(MarkdownReports.sla(report))
        .contains("**0 of 1 promise kept.** Downtime 10h in 2 incidents")
        .contains(
            "| orders are never older than 24 hours | **BREACHED** | – | 10h | 2 | 1h | 4h |");
  }

  @Test
  void research_had_downtime_but_its_slo_held_so_the_promise_was_kept() {
    SlaReport report = reportsOnNovemberFirst().sla(spec, "research", october());

    AgreementReport history = report.agreements().get(0);
    // 7 failing looks of 744: SLI 737/744 = 99.059% ≥ 99%; budget 1% of 744 = 7.44, 7 spent
    assertThat(history.met()).isTrue();
    assertThat(history.verdict()).isEqualTo("every SLO met its objective");
    assertThat(history.slos().get(0).sli().doubleValue()).isCloseTo(737.0 / 744, within());
    assertThat(history.slos().get(0).budgetSpent())
        .isEqualByComparingTo(
            new BigDecimal("7").divide(new BigDecimal("7.44"), MathContext.DECIMAL64));
    // Oct 15 07:00 → 11:00 and Oct 25 13:00 → 18:00
    assertThat(history.downtime().downtime()).isEqualTo(Duration.ofHours(9));
    assertThat(history.incidents())
        .allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.SEV3));
  }

  @Test
  void the_recommender_had_no_downtime_and_its_latency_slo_is_met_from_measurements() {
    SlaReport report = reportsOnNovemberFirst().sla(spec, "recommender", october());

    AgreementReport answers = report.agreements().get(0);
    assertThat(answers.met()).isTrue();
    assertThat(answers.slos().get(0).evaluated()).isTrue();
    // 744 hourly measurements, all within 2 seconds
    assertThat(answers.slos().get(0).sli()).isEqualByComparingTo("1");
    assertThat(answers.downtime().uptime().describe()).isEqualTo("100% (no downtime)");
  }

  @Test
  void the_downtime_report_ranks_orders_with_nineteen_hours_in_four_incidents() {
    DowntimeReport report = reportsOnNovemberFirst().downtime(october());

    assertThat(report.datasets()).extracting(a -> a.group()).containsExactly("orders");
    assertThat(report.datasets().get(0).downtime()).isEqualTo(Duration.ofHours(19));
    assertThat(report.datasets().get(0).incidents()).isEqualTo(4);
    assertThat(report.consumers())
        .extracting(a -> a.group())
        .containsExactly("finance", "research");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static int hour(int day, int hourOfDay) {
    return (day - 1) * 24 + hourOfDay;
  }

  private static Observation look(String check, String type, boolean fails, Instant at) {
    return new Observation(
        "orders",
        check,
        type,
        fails ? Status.FAIL : Status.PASS,
        Kind.DATA,
        null,
        null,
        null,
        check + (fails ? " failed" : " passed"),
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }
}
