package dev.nines.store.slo;

import dev.nines.slo.SloStatus;
import dev.nines.spec.SloSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * One SLO after an evaluation pass: its status, or why it could not be evaluated.
 *
 * @param spec the SLO as declared
 * @param subject the dataset or pipeline its SLI reads
 * @param status where it stands; empty when it could not be evaluated
 * @param problem why it could not be evaluated; empty when it was
 */
public record SloResult(
    SloSpec spec, String subject, Optional<SloStatus> status, Optional<String> problem) {
  public SloResult {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(problem, "problem");
    if (status.isPresent() == problem.isPresent()) {
      throw new IllegalArgumentException("an SLO result has a status or a problem, not both");
    }
  }

  public String name() {
    return spec.name();
  }
}
