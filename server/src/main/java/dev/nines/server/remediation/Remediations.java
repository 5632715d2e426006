package dev.nines.server.remediation;

import dev.nines.remediation.RemediationOffer;
import java.util.List;

/**
 * What an incident is offered and what was tried: the answer of {@code GET
 * /api/v1/incidents/{id}/remediations} and {@code nines remediate ID --list}.
 */
public record Remediations(long incident, List<Offer> offers, List<RemediationAttempt> attempts) {
  public Remediations {
    offers = List.copyOf(offers);
    attempts = List.copyOf(attempts);
  }

  /** An offer as shown to people and programs, without credentials. */
  public record Offer(
      String name,
      String type,
      String description,
      String reason,
      boolean runnable,
      boolean automatic,
      int maxAttempts) {
    static Offer of(RemediationOffer offer) {
      return new Offer(
          offer.name(),
          offer.action().type(),
          offer.describe(),
          offer.reason(),
          offer.runnable(),
          offer.automatic(),
          offer.maxAttempts());
    }
  }
}
