package dev.nines.server.remediation;

import java.util.Objects;

/**
 * How an attempt ended, as written on the incident timeline.
 *
 * @param succeeded whether the action was accepted (a run started, the webhook answered 2xx)
 * @param summary what happened in words: a run id and its state url, an HTTP status, or the error;
 *     never credentials
 * @param reference the external run's id or the runbook link, may be null
 */
public record ActionOutcome(boolean succeeded, String summary, String reference) {
  public ActionOutcome {
    Objects.requireNonNull(summary, "summary");
  }

  public static ActionOutcome success(String summary, String reference) {
    return new ActionOutcome(true, summary, reference);
  }

  public static ActionOutcome failure(String summary) {
    return new ActionOutcome(false, summary, null);
  }

  /** The timeline text: {@code succeeded: ...} or {@code failed: ...}. */
  public String timelineText() {
    return (succeeded ? "succeeded: " : "failed: ") + summary;
  }
}
