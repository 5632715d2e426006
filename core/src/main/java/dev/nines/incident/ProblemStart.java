package dev.nines.incident;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import java.time.Instant;

/** When the problem behind a failing observation started, as well as it can be known. */
final class ProblemStart {
  private ProblemStart() {}

  /**
   * When the problem started: for freshness, when the age crossed the threshold; for a pipeline
   * finding, its own time (schedule + grace for a missed run); else the last pass before it.
   */
  static Instant of(Observation observation, IncidentBook book) {
    Instant at = observation.observedAt();
    // burn alerts: the pass that saw the burn (only alerting passes are stored, so the last
    // passing one can be days old)
    if (observation.checkType().startsWith("pipeline_")
        || observation.checkType().equals("slo_burn")) {
      return at;
    }
    if (observation.checkType().equals("freshness")
        && observation.value() != null
        && observation.expectation() != null) {
      Double threshold =
          observation.status() == Status.WARN
              ? observation.expectation().warn().max()
              : observation.expectation().fail().max();
      if (threshold != null && observation.value() >= threshold) {
        long overMillis = Math.round((observation.value() - threshold) * 1000);
        return at.minusMillis(overMillis);
      }
    }
    return book.lastPass(observation.dataset(), observation.check(), at).orElse(at);
  }
}
