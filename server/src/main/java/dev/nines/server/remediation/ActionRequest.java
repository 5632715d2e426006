package dev.nines.server.remediation;

import dev.nines.incident.Incident;
import dev.nines.remediation.RemediationOffer;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt at one remediation of one incident.
 *
 * @param incident the incident as it is now
 * @param offer the action chosen
 * @param attempt 1 for the first attempt of this action on this incident, then 2, ...
 * @param actor who asked: a person's name, or {@code nines} for automatic runs
 * @param at when it was asked
 */
public record ActionRequest(
    Incident incident, RemediationOffer offer, int attempt, String actor, Instant at) {
  public ActionRequest {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt starts at 1");
    }
  }

  /** Ties an external run to the incident and attempt, e.g. {@code nines-incident-7-attempt-2}. */
  public String runId() {
    return "nines-incident-" + incident.id() + "-attempt-" + attempt;
  }
}
