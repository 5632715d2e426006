package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.ColumnInfo;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
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
