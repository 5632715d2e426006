package dev.nines.store;

import dev.nines.observation.Bounds;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Expectation;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.run.RunResult;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Small generators of runs and what they produce, with sub-millisecond times on purpose. */
final class StoreFixtures {
  /** A time with nanoseconds, which the store truncates to milliseconds. */
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

  private StoreFixtures() {}

  static Instant at(Duration afterT0) {
    return T0.plus(afterT0);
  }

  static Observation passed(String dataset, String check, double value, Instant observedAt) {
    return new Observation(
        dataset,
        check,
        "row_count",
        Status.PASS,
        Kind.DATA,
        null,
        value,
        new Expectation(new Bounds(1.0, null), new Bounds(10.0, 1e6), "rows", "rows ≥ 1"),
        check + " is " + value,
        List.of(),
        List.of("select count(*) from " + dataset),
        observedAt,
        Duration.ofNanos(12_345_678));
  }

  static Observation withStatus(Observation observation, Status status) {
    return new Observation(
        observation.dataset(),
        observation.check(),
        observation.checkType(),
        status,
        status == Status.ERROR ? Kind.SYSTEM : Kind.DATA,
        status == Status.ERROR ? ErrorCategory.TIMEOUT : null,
        observation.value(),
        observation.expectation(),
        observation.message(),
        observation.details(),
        observation.queries(),
        observation.observedAt(),
        observation.elapsed());
  }

  /** An observation using every field: an ERROR with category, no value, details, two queries. */
  static Observation errorWithEverything(String dataset, Instant observedAt) {
    return new Observation(
        dataset,
        "freshness",
        "freshness",
        Status.ERROR,
        Kind.SYSTEM,
        ErrorCategory.MISSING_COLUMN,
        null,
        new Expectation(new Bounds(null, 86_400.0), new Bounds(null, 43_200.0), "seconds", "≤ 24h"),
        "column loaded_at does not exist in \"public\".orders",
        List.of("ERROR: column \"loaded_at\" does not exist", "  Position: 8", "'quoted' \\ json"),
        List.of("select max(loaded_at) from orders", "select count(*)\nfrom orders"),
        observedAt,
        Duration.ofMillis(1_500).plusNanos(999_999));
  }

  /** An observation without expectation nor elapsed time, e.g. a first schema snapshot. */
  static Observation schemaSnapshotTaken(String dataset, Instant observedAt) {
    return new Observation(
        dataset,
        "schema",
        "schema",
        Status.PASS,
        Kind.DATA,
        null,
        null,
        null,
        "first measurement: 3 columns kept",
        null,
        null,
        observedAt,
        null);
  }

  static Measurement measured(
      String dataset, String check, String metric, double value, Instant at) {
    return new Measurement(dataset, check, metric, value, at);
  }

  static SchemaSnapshot schema(String dataset, Instant takenAt, String... columnNames) {
    List<ColumnInfo> columns =
        IntStream.range(0, columnNames.length)
            .mapToObj(
                i ->
                    new ColumnInfo(
                        columnNames[i],
                        i == 0 ? "BIGINT" : "CHARACTER VARYING",
                        i == 0 ? Types.BIGINT : Types.VARCHAR,
                        i + 1,
                        i != 0))
            .toList();
    return new SchemaSnapshot(dataset, columns, takenAt);
  }

  static RunResult run(
      Instant startedAt,
      List<Observation> observations,
      List<Measurement> measurements,
      List<SchemaSnapshot> schemas) {
    return new RunResult(
        UUID.randomUUID(),
        startedAt,
        startedAt.plusMillis(2_500).plusNanos(1),
        observations,
        measurements,
        schemas);
  }

  static RunResult runOf(Instant startedAt, Observation... observations) {
    return run(startedAt, List.of(observations), List.of(), List.of());
  }

  /** What the store gives back for an observation: times cut to milliseconds. */
  static Observation asStored(Observation o) {
    return new Observation(
        o.dataset(),
        o.check(),
        o.checkType(),
        o.status(),
        o.kind(),
        o.errorCategory(),
        o.value(),
        o.expectation(),
        o.message(),
        o.details(),
        o.queries(),
        millis(o.observedAt()),
        o.elapsed() == null ? null : Duration.ofMillis(o.elapsed().toMillis()));
  }

  static Measurement asStored(Measurement m) {
    return new Measurement(m.dataset(), m.check(), m.metric(), m.value(), millis(m.measuredAt()));
  }

  static SchemaSnapshot asStored(SchemaSnapshot s) {
    return new SchemaSnapshot(s.dataset(), s.columns(), millis(s.takenAt()));
  }

  static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
