package dev.nines.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A check's result: its measured value evaluated against what was expected.
 *
 * @param dataset the dataset name
 * @param check the check's name (unique within the dataset)
 * @param checkType the check type, e.g. {@code freshness}
 * @param status PASS, WARN, FAIL or ERROR
 * @param kind DATA for PASS/WARN/FAIL, SYSTEM for ERROR
 * @param errorCategory why it could not run; null unless status is ERROR
 * @param value the measured value in {@code expectation.unit()}; null when nothing was measured
 * @param expectation the range expected, null when the check has none (e.g. a schema snapshot)
 * @param message one line a person reads first: what was found
 * @param details extra lines: e.g. the schema changes, sample failing values, the database's error
 * @param queries the SQL that produced the value (shared with other checks when the scan was
 *     shared)
 * @param observedAt when the value was measured
 * @param elapsed time spent on the queries that produced it
 */
public record Observation(
    String dataset,
    String check,
    String checkType,
    Status status,
    Kind kind,
    ErrorCategory errorCategory,
    Double value,
    Expectation expectation,
    String message,
    List<String> details,
    List<String> queries,
    Instant observedAt,
    Duration elapsed) {
  public Observation {
    details = details == null ? List.of() : List.copyOf(details);
    queries = queries == null ? List.of() : List.copyOf(queries);
    if (status == Status.ERROR && kind != Kind.SYSTEM) {
      throw new IllegalArgumentException("an ERROR observation is always of kind SYSTEM");
    }
    if (status != Status.ERROR && errorCategory != null) {
      throw new IllegalArgumentException("only an ERROR observation has an error category");
    }
  }
}
