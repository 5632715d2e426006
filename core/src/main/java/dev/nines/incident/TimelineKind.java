package dev.nines.incident;

/** What happened to an incident, one entry of its timeline. */
public enum TimelineKind {
  /** Opened by a failing observation. */
  OPENED,
  /** Another failing observation of the same cause joined it. */
  FAILED_AGAIN,
  /** A downstream subject was added as impact. */
  IMPACT_ADDED,
  /** Severity changed (escalation or policy change); text says from what to what and why. */
  SEVERITY_CHANGED,
  ACKNOWLEDGED,
  REASSIGNED,
  COMMENTED,
  /** Resolved by passing checks or by a person; text carries the resolution. */
  RESOLVED,
  /** Failed again within the cool-down after resolution. */
  REOPENED,
  /** A notification was delivered to a channel. */
  NOTIFIED,
  /** A notification could not be delivered and was given up. */
  NOTIFICATION_FAILED,
  /** A remediation action was started. */
  REMEDIATION_STARTED,
  /** A remediation action finished; text says how. */
  REMEDIATION_FINISHED
}
