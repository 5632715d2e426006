package dev.nines.notify;

import dev.nines.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a channel turns into its vendor's message: one incident at one moment of its life.
 *
 * @param action trigger, acknowledge or resolve
 * @param incident the incident as it is now
 * @param link where a person sees the incident (the server's incident page or API url)
 * @param failures what failed, one line each, newest first (e.g. the failing observations'
 *     messages)
 * @param runbook a runbook url or text, may be null
 * @param remediations the remediation actions on offer, in words (e.g. {@code re-run Airflow DAG
 *     orders_dag}); empty when none
 * @param at when this notification was made
 */
public record Alert(
    AlertAction action,
    Incident incident,
    String link,
    List<String> failures,
    String runbook,
    List<String> remediations,
    Instant at) {
  public Alert {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(at, "at");
    failures = failures == null ? List.of() : List.copyOf(failures);
    remediations = remediations == null ? List.of() : List.copyOf(remediations);
  }

  /**
   * The key every vendor uses to tie trigger, acknowledge and resolve of one incident together
   * (PagerDuty dedup_key, Opsgenie alias, Alertmanager label).
   */
  public String dedupKey() {
    return "nines-incident-" + incident.id();
  }
}
