package dev.nines.remediation;

import dev.nines.spec.RemediationSpec;
import dev.nines.spec.RemediationSpec.Airflow;
import dev.nines.spec.RemediationSpec.Runbook;
import dev.nines.spec.RemediationSpec.Webhook;
import java.util.Objects;

/**
 * One action an incident is offered.
 *
 * @param name how a person picks it ({@code nines remediate 7 --action NAME}): the pipeline's name
 *     for a pipeline's action
 * @param reason why it is offered, e.g. {@code pipeline load_orders writes orders}
 * @param action what it runs, or for a runbook shows
 * @param automatic whether Nines runs it by itself when the incident opens or reopens
 * @param maxAttempts how many automatic attempts one incident gets
 */
public record RemediationOffer(
    String name, String reason, RemediationSpec.Action action, boolean automatic, int maxAttempts) {
  public RemediationOffer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(action, "action");
    if (automatic && !action.runnable()) {
      throw new IllegalArgumentException("only a runnable action can be automatic");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** An offer to show only: a runbook link or an agreement's remedy in words. */
  public static RemediationOffer shown(String name, String reason, String text) {
    return new RemediationOffer(name, reason, new Runbook(text), false, 1);
  }

  /** Whether running it does something. */
  public boolean runnable() {
    return action.runnable();
  }

  /**
   * What it does in words, without credentials, e.g. {@code re-run Airflow DAG orders_dag
   * (load_orders)}.
   */
  public String describe() {
    String what;
    if (action instanceof Airflow airflow) {
      what = "re-run Airflow DAG " + airflow.dag() + " (" + name + ")";
    } else if (action instanceof Webhook webhook) {
      what =
          "call the remediation webhook at "
              + RemediationSpec.origin(webhook.url())
              + " ("
              + name
              + ")";
    } else {
      what = "runbook: " + ((Runbook) action).link();
    }
    if (automatic) {
      what += ", automatic, up to " + maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts");
    }
    return what;
  }
}
