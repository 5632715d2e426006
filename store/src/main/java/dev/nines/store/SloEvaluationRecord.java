package dev.nines.store;

import dev.nines.slo.AlertLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * The last evaluation of one SLO as stored: its alert level and its status as JSON.
 *
 * @param slo the SLO's name
 * @param evaluatedAt when the pass ran
 * @param alertLevel what burn-rate alerting said
 * @param quietPasses passes in a row without an alert, up to this one
 * @param statusJson the status as the API shows it
 */
public record SloEvaluationRecord(
    String slo, Instant evaluatedAt, AlertLevel alertLevel, int quietPasses, String statusJson) {
  public SloEvaluationRecord {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    Objects.requireNonNull(alertLevel, "alertLevel");
    Objects.requireNonNull(statusJson, "statusJson");
  }
}
