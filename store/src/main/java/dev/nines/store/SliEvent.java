package dev.nines.store;

import dev.nines.observation.Status;
import java.time.Instant;
import java.util.Objects;

/**
 * The part of a stored observation an SLI reads, with its position in the observation log.
 *
 * @param id the observation's id: the log position SLO aggregates tail
 * @param dataset the dataset (or pipeline) observed
 * @param check the check's name
 * @param checkType the check type, e.g. {@code freshness} or {@code pipeline_failed}
 * @param status what was concluded
 * @param value the measured value, null when nothing was measured
 * @param observedAt when
 */
public record SliEvent(
    long id,
    String dataset,
    String check,
    String checkType,
    Status status,
    Double value,
    Instant observedAt) {
  public SliEvent {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(observedAt, "observedAt");
  }
}
