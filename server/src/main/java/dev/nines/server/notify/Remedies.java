package dev.nines.server.notify;

import java.util.List;

/**
 * What a notification offers to fix an incident.
 *
 * @param runbook a runbook url or text, may be null
 * @param actions remediation actions in words
 */
record Remedies(String runbook, List<String> actions) {
  Remedies {
    actions = List.copyOf(actions);
  }
}
