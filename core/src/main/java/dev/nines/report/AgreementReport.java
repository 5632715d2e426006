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
 * @param freshness the dataset's age over the period, one series per freshness SLO or check behind
 *     the promise; empty when there is none
 */
public record AgreementReport(
    String promise,
    boolean met,
    String verdict,
    List<SloLine> slos,
    DowntimeAccount downtime,
    List<IncidentLine> incidents,
    List<AgeSeries> freshness) {
  public AgreementReport {
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(verdict, "verdict");
    slos = List.copyOf(slos);
    incidents = List.copyOf(incidents);
    freshness = freshness == null ? List.of() : List.copyOf(freshness);
  }

  /** One promise without age series. */
  public AgreementReport(
      String promise,
      boolean met,
      String verdict,
      List<SloLine> slos,
      DowntimeAccount downtime,
      List<IncidentLine> incidents) {
    this(promise, met, verdict, slos, downtime, incidents, List.of());
  }
}
