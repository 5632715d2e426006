package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.Measurement;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.report.DatasetReport;
import dev.nines.report.ReportFormat;
import dev.nines.report.ReportPeriod;
import dev.nines.report.Reports;
import dev.nines.report.WriterRun;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.store.report.StoreReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dataset report read from a real store: schema changes of the period, the durations and
 * latency of the runs writing the dataset, and the size of its table in an H2 file.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class DatasetReportStoreIT {
  private static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");
  private static final String SPEC =
      """
      sources:
        shop: { url: "jdbc:h2:file:${SHOP}" }
      datasets:
        orders: { source: shop, table: orders }
        customers: { source: shop, table: customers }
      pipelines:
        load_orders:
          job: { namespace: airflow, name: orders_dag.load }
          schedule: "0 2 * * *"
          outputs: [orders]
      """;

  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  NinesStore store;
  Spec spec;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void open() throws Exception {
    store = NinesStore.open(database.freshStore(folder));
    Path shop = folder.resolve("shop").toAbsolutePath();
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + shop);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table orders as select x as id, 'order ' || x as label"
              + " from system_range(1, 20000)");
      statement.execute("create table customers(id int)");
    }
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    spec = SpecLoader.load(List.of(file), Map.of("SHOP", shop.toString()), CheckTypes.builtIn());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void the_report_gives_schema_changes_run_durations_latency_and_size() {
    ColumnInfo id = new ColumnInfo("id", "BIGINT", -5, 1, false);
    ColumnInfo label = new ColumnInfo("label", "VARCHAR", 12, 2, true);
    ColumnInfo note = new ColumnInfo("note", "VARCHAR", 12, 3, true);
    // a nightly run for March 1st's data, with its nominal interval: 30 minutes, done 2h35m after
    UUID first = UUID.randomUUID();
    run(
        first,
        "orders_dag.load",
        "2026-03-02T02:05:00Z",
        "2026-03-02T02:35:00Z",
        "2026-03-01T00:00:00Z",
        "2026-03-02T00:00:00Z",
        facts(List.of(), List.of(schema("2026-03-02T02:35:00Z", id, label))));
    // a nightly run without nominal time: its 02:00 slot; one hour, done 1h10m after the slot
    UUID second = UUID.randomUUID();
    run(
        second,
        "orders_dag.load",
        "2026-03-03T02:10:00Z",
        "2026-03-03T03:10:00Z",
        null,
        null,
        facts(List.of(), List.of(schema("2026-03-03T03:10:00Z", id, label, note))));
    // a backfill no pipeline declares, which reported writing orders: 20 minutes
    UUID backfill = UUID.randomUUID();
    run(
        backfill,
        "orders_backfill",
        "2026-03-04T10:00:00Z",
        "2026-03-04T10:20:00Z",
        null,
        null,
        facts(
            List.of(
                new Measurement(
                    "orders",
                    "outputStatistics",
                    "row_count",
                    500,
                    Instant.parse("2026-03-04T10:20:00Z"))),
            List.of()));
    // the schema February ended with
    run(
        UUID.randomUUID(),
        "orders_dag.load",
        "2026-02-20T02:00:00Z",
        "2026-02-20T02:10:00Z",
        null,
        null,
        facts(List.of(), List.of(schema("2026-02-20T02:10:00Z", id, label))));

    DatasetReport report =
        new StoreReports(store, Clock.fixed(NOW, ZoneOffset.UTC))
            .dataset(spec, "orders", ReportPeriod.parse("2026-03", ZoneOffset.UTC, NOW));

    assertThat(report.variety().snapshots()).isEqualTo(2);
    assertThat(report.variety().distinctSchemas()).isEqualTo(2);
    assertThat(report.variety().changes())
        .containsExactly(
            new DatasetReport.SchemaChange(
                Instant.parse("2026-03-03T03:10:00Z"), List.of("column note was added (VARCHAR)")));
    DatasetReport.RunDurations durations = report.velocity().pipelines();
    assertThat(durations.writers()).containsExactly("load_orders", "orders_backfill");
    assertThat(durations.runs()).isEqualTo(3);
    assertThat(durations.median()).isEqualTo(Duration.ofMinutes(30));
    assertThat(durations.p95()).isEqualTo(Duration.ofHours(1));
    assertThat(durations.slowest().runId()).isEqualTo(second.toString());
    DatasetReport.Latency latency = report.velocity().latency();
    // 1h10m (schedule) and 2h35m (nominal end); the backfill says nothing of its interval
    assertThat(latency.runs()).isEqualTo(2);
    assertThat(latency.median()).isEqualTo(Duration.ofMinutes(70));
    assertThat(latency.p95()).isEqualTo(Duration.ofMinutes(155));
    assertThat(latency.bases())
        .isEqualTo(
            Map.of(
                WriterRun.DataEndBasis.NOMINAL_END, 1L,
                WriterRun.DataEndBasis.SCHEDULE, 1L,
                WriterRun.DataEndBasis.NONE, 1L));
    assertThat(report.value().bytes()).as(report.value().sizeNote()).isGreaterThan(100_000L);
    assertThat(report.value().note())
        .isEqualTo("not known on h2: it keeps no per-table read counters");

    assertThat(Reports.render(report, ReportFormat.MD))
        .contains("| Variety over time | 2 schema snapshots in the period, 2 distinct schemas")
        .contains("| Pipeline durations | 3 runs (runs of load_orders, orders_backfill")
        .contains("| Source-to-available latency | median 1h 10m, p95 2h 35m over 2");
    assertThat(Reports.render(report, ReportFormat.HTML))
        .contains("<td>Pipeline durations</td>")
        .contains("<td>Source-to-available latency</td>");
    assertThat(Reports.render(report, ReportFormat.JSON))
        .contains("\"distinctSchemas\" : 2")
        .contains("\"p95\" : \"PT2H35M\"");
  }

  @Test
  void a_dataset_no_run_writes_says_why_its_velocity_is_unknown() {
    DatasetReport report =
        new StoreReports(store, Clock.fixed(NOW, ZoneOffset.UTC))
            .dataset(spec, "customers", ReportPeriod.parse("2026-03", ZoneOffset.UTC, NOW));

    assertThat(report.velocity().pipelines().writers()).isEmpty();
    assertThat(report.velocity().latency().note()).isEqualTo("no run is known to write it");
    assertThat(report.variety().distinctSchemas()).isZero();
  }

  private void run(
      UUID runId,
      String job,
      String start,
      String end,
      String nominalStart,
      String nominalEnd,
      LineageFacts endFacts) {
    Instant started = Instant.parse(start);
    Instant ended = Instant.parse(end);
    Instant from = nominalStart == null ? null : Instant.parse(nominalStart);
    Instant to = nominalEnd == null ? null : Instant.parse(nominalEnd);
    store.ingest(event(runId, "START", started, job, from, to), LineageFacts.NONE, started);
    store.ingest(event(runId, "COMPLETE", ended, job, from, to), endFacts, ended);
  }

  private static LineageEventRecord event(
      UUID runId, String type, Instant time, String job, Instant nominalStart, Instant nominalEnd) {
    return new LineageEventRecord(
        runId + "/" + type,
        LineageEventKind.RUN,
        runId,
        type,
        time,
        "airflow",
        job,
        null,
        nominalStart,
        nominalEnd,
        null,
        null,
        null,
        "https://example.test/producer",
        "{}");
  }

  private static LineageFacts facts(List<Measurement> measurements, List<SchemaSnapshot> schemas) {
    return new LineageFacts(measurements, List.of(), schemas);
  }

  private static SchemaSnapshot schema(String at, ColumnInfo... columns) {
    return new SchemaSnapshot("orders", List.of(columns), Instant.parse(at));
  }
}
