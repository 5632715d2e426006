package dev.nines.server.remediation;

import dev.nines.spec.RemediationSpec;
import dev.nines.spec.RemediationSpec.Airflow;
import dev.nines.spec.RemediationSpec.Runbook;
import dev.nines.spec.RemediationSpec.Webhook;
import java.time.Duration;

/** The one place that maps an action of the spec to what runs it. */
public final class Actions {
  /** How long an Airflow or webhook call may take before the attempt counts as failed. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final HttpCalls http;

  public Actions(Duration timeout) {
    this.http = new HttpCalls(timeout);
  }

  RemediationAction forSpec(RemediationSpec.Action action) {
    if (action instanceof Airflow airflow) {
      return new AirflowAction(airflow, http);
    } else if (action instanceof Webhook webhook) {
      return new WebhookAction(webhook, http);
    }
    return new RunbookAction((Runbook) action);
  }

  /** Runs one attempt of the request's action. */
  public ActionOutcome run(ActionRequest request) {
    return forSpec(request.offer().action()).run(request);
  }
}
