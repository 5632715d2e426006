package dev.nines.slo;

import java.time.Instant;
import java.util.Objects;

/**
 * One look at a dataset: at {@code observedAt}, its newest row had been loaded at {@code
 * newestLoad} (the max of its load-time column, or the catalog's last modification).
 */
public record FreshnessSample(Instant observedAt, Instant newestLoad) {
  public FreshnessSample {
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(newestLoad, "newestLoad");
    if (newestLoad.isAfter(observedAt)) {
      // a load time in the future says nothing about age; treat it as loaded when observed
      newestLoad = observedAt;
    }
  }
}
