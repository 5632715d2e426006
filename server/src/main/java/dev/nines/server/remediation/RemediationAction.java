package dev.nines.server.remediation;

/** Runs one kind of remediation action; one implementation per kind, chosen in {@link Actions}. */
interface RemediationAction {
  /**
   * Runs one attempt. Never throws for a failure of the far side: a refused, slow or broken answer
   * is a failed outcome whose summary says why.
   */
  ActionOutcome run(ActionRequest request);
}
