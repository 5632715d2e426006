package dev.nines.server.remediation;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentLog;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.remediation.RemediationOffer;
import dev.nines.remediation.RemediationOffers;
import dev.nines.server.api.Conflict;
import dev.nines.server.api.NotFound;
import dev.nines.spec.Spec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs remediation actions and records each on the incident's timeline: REMEDIATION_STARTED with
 * who asked, then REMEDIATION_FINISHED with the result. Used by the CLI, the REST API and the
 * automatic loop.
 */
public final class Remediator {
  private final IncidentLog incidents;
  private final Supplier<Spec> spec;
  private final Actions actions;
  private final Clock clock;

  public Remediator(IncidentLog incidents, Supplier<Spec> spec, Actions actions, Clock clock) {
    this.incidents = incidents;
    this.spec = spec;
    this.actions = actions;
    this.clock = clock;
  }

  /**
   * What the incident is offered and the attempts so far.
   *
   * @throws NotFound when there is no such incident
   */
  public Remediations list(long incidentId) {
    Incident incident = incident(incidentId);
    List<Remediations.Offer> offers =
        offers().forIncident(incident).stream().map(Remediations.Offer::of).toList();
    return new Remediations(
        incidentId, offers, AttemptLog.attempts(incidents.timeline(incidentId)));
  }

  /**
   * Runs an action now, on a person's request, and waits for its outcome.
   *
   * @param action the offer's name; null for the first runnable offer
   * @param by who asked; null or blank is recorded as {@code nines}
   * @throws NotFound when there is no such incident
   * @throws Conflict when nothing can be run: no runnable offer, or no offer of that name
   */
  public RemediationAttempt run(long incidentId, String action, String by) {
    Incident incident = incident(incidentId);
    RemediationOffers offers = offers();
    Optional<RemediationOffer> picked = offers.pick(incident, blankToNull(action));
    if (picked.isEmpty()) {
      throw new Conflict(nothingToRun(incident, offers.forIncident(incident), action));
    }
    RemediationOffer offer = picked.get();
    String actor = by == null || by.isBlank() ? TimelineEntry.NINES : by.strip();
    int attempt = AttemptLog.count(incidents.timeline(incidentId), offer.name()) + 1;
    ActionRequest request = new ActionRequest(incident, offer, attempt, actor, clock.instant());
    TimelineEntry started =
        incidents.append(
            new TimelineEntry(
                0,
                incidentId,
                request.at(),
                TimelineKind.REMEDIATION_STARTED,
                actor,
                AttemptLog.started(offer, attempt)));
    return finish(request, started);
  }

  /** Runs a request whose start is already on the timeline and records how it ended. */
  RemediationAttempt finish(ActionRequest request, TimelineEntry started) {
    ActionOutcome outcome;
    try {
      outcome = actions.run(request);
    } catch (RuntimeException e) {
      // an action never throws for the far side's failures; this is a bug, still recorded
      outcome = ActionOutcome.failure("the action failed unexpectedly: " + e);
    }
    TimelineEntry finished =
        incidents.append(
            new TimelineEntry(
                0,
                request.incident().id(),
                clock.instant(),
                TimelineKind.REMEDIATION_FINISHED,
                request.actor(),
                AttemptLog.finished(request.offer().name(), request.attempt(), outcome)));
    return new RemediationAttempt(
        request.offer().name(),
        request.attempt(),
        request.actor(),
        started.at(),
        finished.at(),
        outcome.succeeded(),
        outcome.summary());
  }

  RemediationOffers offers() {
    return new RemediationOffers(spec.get());
  }

  Optional<Incident> find(long incidentId) {
    return incidents.incident(incidentId);
  }

  private Incident incident(long incidentId) {
    return incidents
        .incident(incidentId)
        .orElseThrow(() -> new NotFound("incident #" + incidentId + " does not exist"));
  }

  private static String nothingToRun(
      Incident incident, List<RemediationOffer> offered, String action) {
    String runnable =
        offered.stream()
            .filter(RemediationOffer::runnable)
            .map(RemediationOffer::name)
            .collect(Collectors.joining(", "));
    String shown =
        offered.stream()
            .filter(offer -> !offer.runnable())
            .map(RemediationOffer::describe)
            .collect(Collectors.joining("; "));
    StringBuilder message = new StringBuilder();
    if (action != null && !action.isBlank()) {
      message
          .append("incident #")
          .append(incident.id())
          .append(" is not offered an action named '")
          .append(action)
          .append("'");
      message.append(
          runnable.isEmpty() ? "; it has nothing to run" : "; it is offered: " + runnable);
    } else {
      message
          .append("nothing to run for incident #")
          .append(incident.id())
          .append(": no pipeline behind ")
          .append(incident.subject())
          .append(" declares remediation with airflow: or webhook:");
    }
    if (!shown.isEmpty()) {
      message.append(" (").append(shown).append(")");
    }
    return message.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
