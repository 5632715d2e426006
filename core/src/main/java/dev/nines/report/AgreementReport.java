package dev.nines.report;

import java.util.List;
import java.util.Objects;

/**
 * One promise over the period.
 *
 * @param promise as written in the spec
 * @param met whether it was kept: every SLO behind it met its objective, or, for a promise without
 *     SLOs, it had no downtime
 * @param verdict why, in one sentence
 * @param slos the SLOs behind it, with their budgets
 * @param downtime from the incidents touching it
 * @param incidents those incidents, oldest first
 */
public record AgreementReport(
    String promise,
    boolean met,
    String verdict,
    List<SloLine> slos,
    DowntimeAccount downtime,
    List<IncidentLine> incidents) {
  public AgreementReport {
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(verdict, "verdict");
    slos = List.copyOf(slos);
    incidents = List.copyOf(incidents);
  }
}
