package dev.nines.incident;

import java.util.Objects;

/** An agreement an incident touches: whose it is, its promise, and the urgency they agreed to. */
public record TouchedAgreement(String consumer, String promise, Severity breach) {
  public TouchedAgreement {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(breach, "breach");
  }
}
