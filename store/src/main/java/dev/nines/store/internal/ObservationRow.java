package dev.nines.store.internal;

import static dev.nines.store.internal.StoreColumns.toMillis;

import dev.nines.observation.Observation;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code observation} as written: enums as names, JSON as text, elapsed in milliseconds.
 * Missing required values stay null so the database's constraints reject them.
 */
public record ObservationRow(
    UUID runId,
    String dataset,
    String check,
    String checkType,
    String status,
    String kind,
    String errorCategory,
    Double value,
    String expectation,
    String message,
    String details,
    String queries,
    Instant observedAt,
    Long elapsedMillis) {

  public static ObservationRow of(UUID runId, Observation observation, StoreJson json) {
    return new ObservationRow(
        runId,
        observation.dataset(),
        observation.check(),
        observation.checkType(),
        nameOf(observation.status()),
        nameOf(observation.kind()),
        nameOf(observation.errorCategory()),
        observation.value(),
        json.writeExpectation(observation.expectation()),
        observation.message(),
        json.writeLines(observation.details()),
        json.writeLines(observation.queries()),
        toMillis(observation.observedAt()),
        observation.elapsed() == null ? null : observation.elapsed().toMillis());
  }

  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
