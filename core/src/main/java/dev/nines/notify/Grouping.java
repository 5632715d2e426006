package dev.nines.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When an incident's group on a channel is due, and what it then says, the way Alertmanager means
 * group wait, group interval and repeat interval: the first message waits {@code group_wait} for
 * more changes; later changes are batched so at most one message goes out per {@code
 * group_interval}; a still-open incident is sent again every {@code repeat_interval}. Business
 * hours and digests move the due time further. Pure: the caller stores the state.
 */
public final class Grouping {
  private Grouping() {}

  /** The group after a change of the incident (opened, escalated, acknowledged, resolved). */
  public static GroupState changed(
      GroupState current, RoutedChannel route, long incidentId, Instant now) {
    Instant due;
    if (current == null || current.lastSentAt() == null) {
      due =
          current != null && current.dueAt() != null
              ? current.dueAt()
              : now.plus(route.groupWait());
    } else {
      Instant batched = later(now, current.lastSentAt().plus(route.groupInterval()));
      due = current.dueAt() == null ? batched : earlier(current.dueAt(), batched);
    }
    due = shift(due, route);
    return current == null ? GroupState.fresh(incidentId, route.channel(), due) : current.due(due);
  }

  /**
   * What the channel should hear now about the incident as it is, if anything: a trigger when it
   * has not heard the incident fire (or heard a lower severity), an acknowledge when a person took
   * it, a resolve when it is over and the channel heard it fire, a repeat when it is still open
   * after {@code repeat_interval}. A resolve of an incident the channel never heard about is
   * dropped, except in a digest, which reports everything of the day.
   */
  public static Optional<AlertAction> action(
      GroupState group, Incident incident, RoutedChannel route, Instant now) {
    if (incident.status() == IncidentStatus.RESOLVED) {
      boolean report =
          group.sent().isFiring() || (route.digest() != null && group.sent() == SentState.NONE);
      return report ? Optional.of(AlertAction.RESOLVE) : Optional.empty();
    }
    if (!group.sent().isFiring() || incident.severity() != group.sentSeverity()) {
      return Optional.of(AlertAction.TRIGGER);
    }
    if (incident.status() == IncidentStatus.ACKNOWLEDGED) {
      return group.sent() == SentState.TRIGGERED
          ? Optional.of(AlertAction.ACKNOWLEDGE)
          : Optional.empty();
    }
    boolean repeatDue = !now.isBefore(group.lastSentAt().plus(route.repeatInterval()));
    return repeatDue ? Optional.of(AlertAction.TRIGGER) : Optional.empty();
  }

  /**
   * The subjects that joined the incident's downstream impact since the channel last heard of it,
   * when it should hear of them as an update: the incident is still active, the channel heard it
   * firing, and the route is not a digest (a digest reports the day as it is). Empty otherwise, and
   * for groups that do not know what they heard (stored before it was kept).
   */
  public static List<Subject> impactAdded(
      GroupState group, Incident incident, RoutedChannel route) {
    Integer heard = group.impactHeard();
    List<Subject> impact = incident.impact();
    if (heard == null
        || heard >= impact.size()
        || !incident.isActive()
        || !group.sent().isFiring()
        || route.digest() != null) {
      return List.of();
    }
    return List.copyOf(impact.subList(heard, impact.size()));
  }

  /**
   * When the group is next due after a message at {@code now}: the repeat of a still-open incident,
   * or never (null) when acknowledged or resolved.
   */
  public static Instant nextDue(Incident incident, RoutedChannel route, Instant now) {
    if (incident.status() != IncidentStatus.OPEN) {
      return null;
    }
    return shift(now.plus(route.repeatInterval()), route);
  }

  /** A due time moved to the next digest, or into business hours. */
  static Instant shift(Instant due, RoutedChannel route) {
    if (route.digest() != null) {
      return route.digest().next(due.minusMillis(1));
    }
    return route.businessHours() == null ? due : route.businessHours().nextWorkingMoment(due);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
