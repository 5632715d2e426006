package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.ColumnInfo;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.pipeline.CronSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetReportTest {
  private static final Instant NOW = Instant.parse("2026-11-02T00:00:00Z");
  private final ReportPeriod october = ReportPeriod.parse("2026-10", ZoneOffset.UTC, NOW);

  @Test
  void volume_velocity_variety_and_veracity_come_from_the_periods_history() {
    List<Measurement> counts =
        List.of(
            rows(1_500, "2026-10-11T00:00:00Z"),
            rows(1_000, "2026-10-01T00:00:00Z"),
            rows(900, "2026-09-30T00:00:00Z")); // before the period: left out
    SchemaSnapshot schema =
        new SchemaSnapshot(
            "orders",
            List.of(
                new ColumnInfo("order_id", "INTEGER", 4, 1, false),
                new ColumnInfo("amount", "NUMERIC", 2, 2, true),
                new ColumnInfo("customer_id", "INTEGER", 4, 3, true)),
            Instant.parse("2026-10-20T00:00:00Z"));
    List<Observation> results =
        List.of(look(Status.PASS), look(Status.WARN), look(Status.FAIL), look(Status.ERROR));

    DatasetReport report =
        DatasetReport.of("orders", "shop", october, NOW, counts, schema, results, 2, null);

    assertThat(report.volume().rows()).isEqualTo(1_500);
    assertThat(report.volume().rowsAtStart()).isEqualTo(1_000);
    assertThat(report.volume().change()).isEqualByComparingTo("0.5");
    // 500 rows in 240 hours
    assertThat(report.velocity().rowsPerHour())
        .isEqualByComparingTo(
            new BigDecimal("500").divide(new BigDecimal("240"), java.math.MathContext.DECIMAL64));
    assertThat(report.variety().types()).isEqualTo(Map.of("INTEGER", 2L, "NUMERIC", 1L));
    // PASS and WARN passed, FAIL failed, the ERROR did not run: 2 of 3
    assertThat(report.veracity().passRate())
        .isEqualByComparingTo(
            new BigDecimal(2).divide(new BigDecimal(3), java.math.MathContext.DECIMAL64));

    assertThat(MarkdownReports.dataset(report))
        .contains("| Volume | 1500 rows (+50% since 1000 at the start of the period), 2 counts |")
        .contains(
            "| Variety | source shop, 3 columns (2 INTEGER, 1 NUMERIC) as of 2026-10-20 00:00Z |")
        .contains("pass rate 66.666%; 2 incidents")
        .contains("| Velocity | +2.1 rows per hour between the first and last count |");
  }

  @Test
  void a_dataset_without_history_says_what_is_unknown() {
    DatasetReport report =
        DatasetReport.of("orders", "shop", october, NOW, List.of(), null, List.of(), 0, null);

    assertThat(MarkdownReports.dataset(report))
        .contains("no row count measured in the period")
        .contains("no schema snapshot yet")
        .contains("no check ran in the period")
        .contains("unknown: fewer than two row counts");
  }

  @Test
  void variety_lists_the_schema_changes_of_the_period_and_counts_distinct_schemas() {
    ColumnInfo id = new ColumnInfo("order_id", "INTEGER", 4, 1, false);
    ColumnInfo amount = new ColumnInfo("amount", "NUMERIC", 2, 2, true);
    ColumnInfo amountText = new ColumnInfo("amount", "VARCHAR", 12, 2, true);
    ColumnInfo note = new ColumnInfo("note", "VARCHAR", 12, 3, true);
    List<SchemaSnapshot> snapshots =
        List.of(
            snapshot("2026-09-20T00:00:00Z", id, amount), // the schema October began with
            snapshot("2026-10-03T00:00:00Z", id, amount), // unchanged
            snapshot("2026-10-10T00:00:00Z", id, amount, note),
            snapshot("2026-10-20T00:00:00Z", id, amountText),
            snapshot("2026-10-25T00:00:00Z", id, amount)); // back to the first
    SchemaSnapshot newest = snapshots.get(4);

    DatasetReport report =
        DatasetReport.of(
            "orders", "shop", october, NOW, List.of(), newest, snapshots, List.of(), 0, null,
            List.of(), List.of());

    DatasetReport.Variety variety = report.variety();
    assertThat(variety.snapshots()).isEqualTo(4);
    assertThat(variety.distinctSchemas()).isEqualTo(3);
    assertThat(variety.changes())
        .containsExactly(
            new DatasetReport.SchemaChange(
                Instant.parse("2026-10-10T00:00:00Z"), List.of("column note was added (VARCHAR)")),
            new DatasetReport.SchemaChange(
                Instant.parse("2026-10-20T00:00:00Z"),
                List.of(
                    "column note was removed",
                    "column amount changed type from NUMERIC to VARCHAR")),
            new DatasetReport.SchemaChange(
                Instant.parse("2026-10-25T00:00:00Z"),
                List.of("column amount changed type from VARCHAR to NUMERIC")));
    assertThat(MarkdownReports.dataset(report))
        .contains(
            "| Variety over time | 4 schema snapshots in the period, 3 distinct schemas seen;"
                + " changes: 2026-10-10 00:00Z column note was added (VARCHAR);");
  }

  @Test
  void velocity_gives_run_durations_and_latency_from_the_nominal_time_else_the_schedule() {
    CronSchedule nightly = CronSchedule.parse("0 2 * * *", ZoneOffset.UTC);
    List<WriterRun> runs =
        List.of(
            // nominal end 00:00, completed 02:30 after 30 minutes: latency 2h30m
            WriterRun.of(
                "r1",
                "load_orders",
                true,
                at("2026-10-02T02:00:00Z"),
                at("2026-10-02T02:30:00Z"),
                Duration.ofMinutes(30),
                at("2026-10-01T00:00:00Z"),
                at("2026-10-02T00:00:00Z"),
                nightly),
            // no nominal time: the 02:00 slot of its schedule, completed 03:00: latency 1h
            WriterRun.of(
                "r2",
                "load_orders",
                true,
                at("2026-10-03T02:10:00Z"),
                at("2026-10-03T03:00:00Z"),
                Duration.ofMinutes(50),
                null,
                null,
                nightly),
            // nominal start only (04:00), completed 04:20: latency 20m
            WriterRun.of(
                "r3",
                "load_orders",
                true,
                at("2026-10-04T04:00:00Z"),
                at("2026-10-04T04:20:00Z"),
                Duration.ofMinutes(20),
                at("2026-10-04T04:00:00Z"),
                null,
                nightly),
            // failed after 2h: counted for durations, not for latency
            WriterRun.of(
                "r4",
                "load_orders",
                false,
                at("2026-10-05T02:00:00Z"),
                at("2026-10-05T04:00:00Z"),
                Duration.ofHours(2),
                null,
                null,
                nightly),
            // September: outside the period
            WriterRun.of(
                "r0",
                "load_orders",
                true,
                at("2026-09-30T02:00:00Z"),
                at("2026-09-30T09:00:00Z"),
                Duration.ofHours(7),
                null,
                null,
                nightly));

    DatasetReport report =
        DatasetReport.of(
            "orders",
            "shop",
            october,
            NOW,
            List.of(),
            null,
            List.of(),
            List.of(),
            0,
            null,
            List.of("load_orders"),
            runs);

    DatasetReport.RunDurations durations = report.velocity().pipelines();
    assertThat(durations.runs()).isEqualTo(4);
    // nearest rank of 20m, 30m, 50m, 2h: median the 2nd, p95 the 4th
    assertThat(durations.median()).isEqualTo(Duration.ofMinutes(30));
    assertThat(durations.p95()).isEqualTo(Duration.ofHours(2));
    assertThat(durations.slowest().runId()).isEqualTo("r4");
    DatasetReport.Latency latency = report.velocity().latency();
    assertThat(latency.runs()).isEqualTo(3);
    // 20m, 1h, 2h30m
    assertThat(latency.median()).isEqualTo(Duration.ofHours(1));
    assertThat(latency.p95()).isEqualTo(Duration.ofMinutes(150));
    assertThat(latency.bases())
        .isEqualTo(
            Map.of(
                WriterRun.DataEndBasis.NOMINAL_END, 1L,
                WriterRun.DataEndBasis.NOMINAL_START, 1L,
                WriterRun.DataEndBasis.SCHEDULE, 1L));
    assertThat(MarkdownReports.dataset(report))
        .contains(
            "| Pipeline durations | 4 runs (runs of load_orders that started in the period):"
                + " median 30m, p95 2h, slowest 2h (run r4 of load_orders, started"
                + " 2026-10-05 02:00Z) |")
        .contains("| Source-to-available latency | median 1h, p95 2h 30m over 3 completed runs");
    assertThat(Reports.json(report))
        .contains("\"median\" : \"PT30M\"")
        .contains("\"NOMINAL_END\" : 1");
  }

  @Test
  void velocity_says_why_nothing_is_known_about_runs() {
    DatasetReport nobody =
        DatasetReport.of(
            "orders", "shop", october, NOW, List.of(), null, List.of(), List.of(), 0, null,
            List.of(), List.of());
    assertThat(MarkdownReports.dataset(nobody))
        .contains(
            "| Pipeline durations | 0 runs; durations unknown: no pipeline lists it under outputs"
                + " and no lineage run reported writing it")
        .contains("| Source-to-available latency | unknown: no run is known to write it |");

    WriterRun onDemand =
        WriterRun.of(
            "r1",
            "adhoc",
            true,
            at("2026-10-02T02:00:00Z"),
            at("2026-10-02T02:30:00Z"),
            Duration.ofMinutes(30),
            null,
            null,
            null);
    DatasetReport unscheduled =
        DatasetReport.of(
            "orders",
            "shop",
            october,
            NOW,
            List.of(),
            null,
            List.of(),
            List.of(),
            0,
            null,
            List.of("adhoc"),
            List.of(onDemand));
    assertThat(unscheduled.velocity().latency().note())
        .isEqualTo(
            "no completed run says which data interval it processed (no nominalTime facet,"
                + " and its pipeline has no schedule)");
    assertThat(unscheduled.velocity().pipelines().median()).isEqualTo(Duration.ofMinutes(30));
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  private static SchemaSnapshot snapshot(String at, ColumnInfo... columns) {
    return new SchemaSnapshot("orders", List.of(columns), Instant.parse(at));
  }

  private static Measurement rows(double rows, String at) {
    return new Measurement("orders", "row_count", "row_count", rows, Instant.parse(at));
  }

  private static Observation look(Status status) {
    return new Observation(
        "orders",
        "c",
        "t",
        status,
        status == Status.ERROR ? Kind.SYSTEM : Kind.DATA,
        status == Status.ERROR ? ErrorCategory.SQL : null,
        null,
        null,
        "m",
        List.of(),
        List.of(),
        Instant.parse("2026-10-05T00:00:00Z"),
        Duration.ZERO);
  }
}
