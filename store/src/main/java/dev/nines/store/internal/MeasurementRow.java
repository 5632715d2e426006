package dev.nines.store.internal;

import static dev.nines.store.internal.StoreColumns.toMillis;

import dev.nines.observation.Measurement;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code measurement} as written. */
public record MeasurementRow(
    UUID runId, String dataset, String check, String metric, double value, Instant measuredAt) {

  public static MeasurementRow of(UUID runId, Measurement measurement) {
    return new MeasurementRow(
        runId,
        measurement.dataset(),
        measurement.check(),
        measurement.metric(),
        measurement.value(),
        toMillis(measurement.measuredAt()));
  }
}
