package dev.nines.server.remediation;

import dev.nines.spec.RemediationSpec.Runbook;

/** Runs nothing: a runbook is followed by a person; the outcome carries its link. */
final class RunbookAction implements RemediationAction {
  private final Runbook runbook;

  RunbookAction(Runbook runbook) {
    this.runbook = runbook;
  }

  @Override
  public ActionOutcome run(ActionRequest request) {
    return ActionOutcome.success(
        "nothing run; follow the runbook: " + runbook.link(), runbook.link());
  }
}
