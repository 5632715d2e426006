package dev.nines.notify.channels;

import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import java.util.List;

/** The one line that sums up a group or digest of alerts. */
final class Summaries {
  private Summaries() {}

  /** {@code Nines: 3 incidents — 2 failing, 1 resolved}. */
  static String title(List<Alert> alerts) {
    long firing = count(alerts, AlertAction.TRIGGER);
    long acknowledged = count(alerts, AlertAction.ACKNOWLEDGE);
    long resolved = count(alerts, AlertAction.RESOLVE);
    StringBuilder title =
        new StringBuilder("Nines: ")
            .append(alerts.size())
            .append(alerts.size() == 1 ? " incident" : " incidents")
            .append(" —");
    String separator = " ";
    if (firing > 0) {
      title.append(separator).append(firing).append(" failing");
      separator = ", ";
    }
    if (acknowledged > 0) {
      title.append(separator).append(acknowledged).append(" acknowledged");
      separator = ", ";
    }
    if (resolved > 0) {
      title.append(separator).append(resolved).append(" resolved");
    }
    return title.toString();
  }

  private static long count(List<Alert> alerts, AlertAction action) {
    return alerts.stream().filter(alert -> alert.action() == action).count();
  }
}
