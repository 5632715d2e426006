package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.IncidentManager;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.report.AgeSeries;
import dev.nines.report.AgreementReport;
import dev.nines.report.DowntimeReport;
import dev.nines.report.ReportFormat;
import dev.nines.report.ReportPeriod;
import dev.nines.report.Reports;
import dev.nines.report.SlaReport;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.store.report.StoreReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLA reports read from a store: the age series of freshness promises, and reports made as the
 * store was seen at an earlier instant ({@code --at}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the history is written once for all tests
class StoreReportsIT {
  private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant NOVEMBER = Instant.parse("2026-11-01T09:00:00Z");
  private static final int HOURS = 15 * 24; // Oct 1 to Oct 15
  private static final long HOUR = 3600;
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
        events:
          source: shop
          table: events
          checks:
            - freshness: { column: at, fail: 1h }
      slos:
        orders_fresh:
          sli: { freshness: orders, max_age: 24h }
          objective: 99.5%
          window: 28d
      consumers:
        finance:
          breach: SEV1
          agreements:
            - promise: orders are never older than 24 hours
              checks: [orders.freshness]
            - promise: orders are fresh 99.5% of the time
              slos: [orders_fresh]
        analytics:
          breach: SEV3
          agreements:
            - promise: events arrive within the hour
              datasets: [events]
      incidents:
        auto_resolve_after: 1
      """;

  NinesStore store;
  Spec spec;

  @BeforeAll
  void writeHistory(@TempDir Path folder) throws Exception {
    store = NinesStore.open(new H2FileDatabase().freshStore(folder));
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    store.incidents().startTailing();
    // orders is looked at every hour: an hour old, except 30 hours old on Oct 10 06:00..11:00
    for (int hour = 0; hour < HOURS; hour++) {
      Instant at = OCTOBER.plus(Duration.ofHours(hour));
      boolean stale = hour >= 9 * 24 + 6 && hour <= 9 * 24 + 11;
      store.save(
          StoreFixtures.runOf(at, freshness("orders", stale ? 30 * HOUR : HOUR, stale, at)),
          List.of());
      store.incidents().process(new IncidentManager(spec, Clock.fixed(at, ZoneOffset.UTC)));
    }
    // events is looked at every minute for the three days before Nov 1 09:00: 4,320 looks in one
    // run, with
    // a single look 5 hours old on Oct 31 at 13:37
    List<Observation> looks = new ArrayList<>();
    Instant first = NOVEMBER.minus(Duration.ofDays(3));
    for (int minute = 0; minute < 3 * 24 * 60; minute++) {
      Instant at = first.plus(Duration.ofMinutes(minute));
      boolean spike = at.equals(Instant.parse("2026-10-31T13:37:00Z"));
      looks.add(freshness("events", spike ? 5 * HOUR : (minute % 30) * 60L, spike, at));
    }
    store.save(StoreFixtures.run(first, looks, List.of(), List.of()), List.of());
  }

  @AfterAll
  void closeStore() {
    store.close();
  }

  @Test
  void the_same_store_gives_different_verdicts_as_seen_at_two_instants() {
    SlaReport onOctoberEighth = slaAt("2026-10-08T00:00:00Z", "finance");
    SlaReport duringTheStaleSpell = slaAt("2026-10-10T08:00:00Z", "finance");
    SlaReport afterTheMonth = slaAt(NOVEMBER.toString(), "finance");

    // the incident was detected at 06:00 on Oct 10, resolved by the passing look at 12:00
    assertThat(onOctoberEighth.agreements().get(0).met()).isTrue();
    assertThat(onOctoberEighth.agreements().get(0).incidents()).isEmpty();
    assertThat(onOctoberEighth.agreements().get(1).met()).isTrue();

    AgreementReport during = duringTheStaleSpell.agreements().get(0);
    assertThat(during.met()).isFalse();
    assertThat(during.incidents()).hasSize(1);
    assertThat(during.incidents().get(0).resolvedAt()).isNull();
    // down since the last passing look at 05:00, up to the instant seen
    assertThat(during.downtime().downtime()).isEqualTo(Duration.ofHours(3));
    assertThat(Reports.render(duringTheStaleSpell, ReportFormat.MD))
        .contains("still open")
        .contains("2026-11-01 00:00Z, as seen at 2026-10-10 08:00Z. A breach is SEV1");
    // the SLO was evaluated up to Oct 10 08:00 only: already missed
    assertThat(duringTheStaleSpell.agreements().get(1).slos().get(0).evaluated()).isTrue();
    assertThat(duringTheStaleSpell.agreements().get(1).met()).isFalse();
    assertThat(duringTheStaleSpell.generatedAt()).isEqualTo(Instant.parse("2026-10-10T08:00:00Z"));

    AgreementReport after = afterTheMonth.agreements().get(0);
    assertThat(after.met()).isFalse();
    assertThat(after.incidents().get(0).resolvedAt())
        .isEqualTo(Instant.parse("2026-10-10T12:00:00Z"));
    assertThat(after.downtime().downtime()).isEqualTo(Duration.ofHours(7));
  }

  @Test
  void the_downtime_report_as_seen_before_the_incident_has_none() {
    DowntimeReport before =
        reportsAt("2026-10-09T00:00:00Z").downtime(october("2026-10-09T00:00:00Z"));
    DowntimeReport after = reportsAt(NOVEMBER.toString()).downtime(october(NOVEMBER.toString()));

    assertThat(before.total().incidents()).isZero();
    assertThat(Reports.render(before, ReportFormat.HTML)).contains("as seen at 2026-10-09 00:00Z");
    assertThat(after.total().incidents()).isEqualTo(1);
  }

  @Test
  void the_age_of_orders_is_read_from_its_freshness_observations_up_to_the_instant_seen() {
    AgeSeries seenAfter =
        slaAt(NOVEMBER.toString(), "finance").agreements().get(0).freshness().get(0);
    AgeSeries seenDuring =
        slaAt("2026-10-10T08:00:00Z", "finance").agreements().get(0).freshness().get(0);

    assertThat(seenAfter.promise().promisedBy()).isEqualTo("check orders.freshness");
    assertThat(seenAfter.observations()).isEqualTo(HOURS);
    assertThat(seenAfter.maxAge()).isEqualTo(Duration.ofHours(30));
    // six stale looks, each held until the next (the 11:00 one until 12:00)
    assertThat(seenAfter.timeAbove()).isEqualTo(Duration.ofHours(6));
    // the period seen ends at 08:00, the look at 08:00 just after it
    assertThat(seenDuring.observations()).isEqualTo(9 * 24 + 8);
    assertThat(seenDuring.timeAbove()).isEqualTo(Duration.ofHours(2));
    // the SLO's series reads every freshness check of orders
    AgeSeries slo = slaAt(NOVEMBER.toString(), "finance").agreements().get(1).freshness().get(0);
    assertThat(slo.promise().promisedBy()).isEqualTo("SLO orders_fresh");
    assertThat(slo.promise().check()).isNull();
    assertThat(slo.observations()).isEqualTo(HOURS);

    String html = Reports.render(slaAt(NOVEMBER.toString(), "finance"), ReportFormat.HTML);
    assertThat(html).contains("<h3>Age of orders (check orders.freshness)</h3>", "max age 30h");
  }

  @Test
  void a_long_series_is_bounded_to_two_thousand_points_keeping_the_largest_age() {
    SlaReport report =
        new StoreReports(store, Clock.fixed(NOVEMBER, ZoneOffset.UTC))
            .sla(spec, "analytics", ReportPeriod.parse("3d", ZoneOffset.UTC, NOVEMBER));

    AgeSeries events = report.agreements().get(0).freshness().get(0);
    assertThat(events.observations()).isEqualTo(3 * 24 * 60);
    assertThat(events.points())
        .hasSizeLessThanOrEqualTo(AgeSeries.MAX_POINTS)
        .hasSizeGreaterThan(1000);
    assertThat(events.maxAge()).isEqualTo(Duration.ofHours(5));
    assertThat(events.points())
        .anySatisfy(
            p -> {
              assertThat(p.at()).isEqualTo(Instant.parse("2026-10-31T13:37:00Z"));
              assertThat(p.ageSeconds()).isEqualTo(5 * HOUR);
            });
    // one look above the hour, held for the minute until the next
    assertThat(events.timeAbove()).isEqualTo(Duration.ofMinutes(1));
    String json = Reports.render(report, ReportFormat.JSON);
    assertThat(json).contains("\"maxAge\" : \"PT5H\"", "[ \"2026-10-31T13:37:00Z\", 18000 ]");
  }

  private SlaReport slaAt(String instant, String consumer) {
    return reportsAt(instant).sla(spec, consumer, october(instant));
  }

  private StoreReports reportsAt(String instant) {
    return new StoreReports(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  private static ReportPeriod october(String instant) {
    return ReportPeriod.parse("2026-10", ZoneOffset.UTC, Instant.parse(instant));
  }

  private static Observation freshness(String dataset, long ageSeconds, boolean fails, Instant at) {
    return new Observation(
        dataset,
        "freshness",
        "freshness",
        fails ? Status.FAIL : Status.PASS,
        Kind.DATA,
        null,
        (double) ageSeconds,
        null,
        "newest row is " + ageSeconds + "s old",
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }
}
