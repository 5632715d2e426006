package dev.nines.cli.report;

import dev.nines.observation.Bounds;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Expectation;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.run.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-built observations and results covering every status. */
final class Fixtures {
  static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");
  static final UUID RUN_ID = UUID.fromString("00000000-0000-0000-0000-000000000042");

  private Fixtures() {}

  static Observation pass(String dataset, String check, double rows) {
    return new Observation(
        dataset,
        check,
        "row_count",
        Status.PASS,
        Kind.DATA,
        null,
        rows,
        new Expectation(new Bounds(1.0, null), null, "rows", null),
        rows + " rows",
        List.of(),
        List.of("select count(*) from orders"),
        STARTED,
        Duration.ofMillis(12));
  }

  static Observation warn(String dataset, String check, double ratio) {
    return new Observation(
        dataset,
        check,
        "missing",
        Status.WARN,
        Kind.DATA,
        null,
        ratio,
        new Expectation(new Bounds(null, 0.5), new Bounds(null, 0.1), "ratio", null),
        "20% of email is missing",
        List.of(),
        List.of(),
        STARTED,
        Duration.ofMillis(3));
  }

  static Observation fail(String dataset, String check, String message) {
    return new Observation(
        dataset,
        check,
        "freshness",
        Status.FAIL,
        Kind.DATA,
        null,
        172_800.0,
        new Expectation(new Bounds(null, 86_400.0), new Bounds(null, 43_200.0), "seconds", null),
        message,
        List.of("newest loaded_at: 2025-12-31T03:04:05Z"),
        List.of("select max(loaded_at) from orders"),
        STARTED,
        Duration.ofMillis(20));
  }

  static Observation error(String dataset, String check, String message) {
    return new Observation(
        dataset,
        check,
        "row_count",
        Status.ERROR,
        Kind.SYSTEM,
        ErrorCategory.CONNECTION,
        null,
        new Expectation(new Bounds(1.0, null), null, "rows", null),
        message,
        List.of("Connection to 127.0.0.1:1 refused"),
        List.of(),
        STARTED,
        Duration.ofMillis(250));
  }

  static RunResult result(Observation... observations) {
    return new RunResult(
        RUN_ID, STARTED, STARTED.plusSeconds(2), List.of(observations), List.of(), List.of());
  }

  static CheckReport report(Observation... observations) {
    RunResult result = result(observations);
    return new CheckReport(result, result.exitCode(), true, null);
  }
}
