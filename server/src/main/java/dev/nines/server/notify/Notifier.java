package dev.nines.server.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Subject;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.ChannelTypes;
import dev.nines.notify.GroupState;
import dev.nines.notify.Grouping;
import dev.nines.notify.MaintenanceWindow;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.RoutedChannel;
import dev.nines.notify.SecretSlots;
import dev.nines.notify.Silence;
import dev.nines.spec.Spec;
import dev.nines.store.NotificationStore;
import dev.nines.store.NotifyTransaction;
import dev.nines.store.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns incident timeline entries into outbox messages, in two steps that each run in one store
 * transaction: {@link #tail} reads new timeline entries under the {@code notifier} work cursor and
 * marks the groups they concern as due (group wait, group interval, business hours, digests);
 * {@link #flush} takes due groups, decides what each channel should now hear, and renders it into
 * the outbox. Silenced alerts and those in a maintenance window are noted on the timeline, not
 * sent. A resolve is only sent to channels that heard the trigger: an incident that resolves while
 * its first message still waits is dropped on every channel but a digest.
 */
public final class Notifier {
  /** The work cursor row the notifier holds while it tails the timeline. */
  public static final String CURSOR = "notifier";

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  private static final Set<TimelineKind> NOTIFIABLE =
      EnumSet.of(
          TimelineKind.OPENED,
          TimelineKind.REOPENED,
          TimelineKind.SEVERITY_CHANGED,
          TimelineKind.ACKNOWLEDGED,
          TimelineKind.RESOLVED,
          TimelineKind.IMPACT_ADDED);

  private static final java.time.Duration HOLD_RECHECK = java.time.Duration.ofMinutes(1);

  private final Supplier<Spec> spec;
  private final NotificationStore store;
  private final ChannelTypes types;
  private final Clock clock;

  public Notifier(Supplier<Spec> spec, NotificationStore store, ChannelTypes types, Clock clock) {
    this.spec = spec;
    this.store = store;
    this.types = types;
    this.clock = clock;
  }

  /** Reads up to {@code batch} new timeline entries; returns how many were read. */
  public int tail(int batch) {
    Routing routing = Routing.of(spec.get());
    return store.inTransaction(
        tx -> {
          long position = tx.lockCursor(CURSOR);
          List<TimelineEntry> entries = tx.timelineAfter(position, batch);
          Instant now = clock.instant();
          for (TimelineEntry entry : entries) {
            if (NOTIFIABLE.contains(entry.kind())) {
              tx.incident(entry.incidentId())
                  .ifPresent(incident -> changed(tx, routing, incident, entry.kind(), now));
            }
          }
          if (!entries.isEmpty()) {
            tx.advanceCursor(CURSOR, entries.get(entries.size() - 1).id(), now);
          }
          return entries.size();
        });
  }

  private void changed(
      NotifyTransaction tx, Routing routing, Incident incident, TimelineKind kind, Instant now) {
    Map<String, RoutedChannel> channels = new LinkedHashMap<>();
    boolean firing = kind != TimelineKind.ACKNOWLEDGED && kind != TimelineKind.RESOLVED;
    if (firing) {
      routing.router().route(incident).forEach(route -> channels.put(route.channel(), route));
    }
    // acknowledge and resolve go where the incident was announced, routed now or not
    for (GroupState group : tx.groupsOf(incident.id())) {
      channels.putIfAbsent(group.channel(), routing.routeOf(incident, group.channel()));
    }
    for (RoutedChannel route : channels.values()) {
      GroupState current = tx.group(incident.id(), route.channel()).orElse(null);
      tx.saveGroup(Grouping.changed(current, route, incident.id(), now), now);
    }
  }

  /** Renders what up to {@code batch} due groups should say into the outbox; returns how many. */
  public int flush(int batch) {
    Spec current = spec.get();
    Routing routing = Routing.of(current);
    return store.inTransaction(
        tx -> {
          Instant now = clock.instant();
          List<GroupState> due = tx.dueGroups(now, batch);
          List<Silence> silences = due.isEmpty() ? List.of() : tx.activeSilences(now);
          Map<String, List<Pending>> digests = new LinkedHashMap<>();
          int queued = 0;
          for (GroupState group : due) {
            Optional<Incident> found = tx.incident(group.incidentId());
            if (found.isEmpty()) {
              tx.saveGroup(group.due(null), now);
              continue;
            }
            Incident incident = found.get();
            RoutedChannel route = routing.routeOf(incident, group.channel());
            ChannelConfig channel = current.notifications().channels().get(group.channel());
            Optional<AlertAction> action = Grouping.action(group, incident, route, now);
            List<Subject> added =
                channel == null || action.isPresent()
                    ? List.of()
                    : Grouping.impactAdded(group, incident, route);
            if (channel == null || (action.isEmpty() && added.isEmpty())) {
              tx.saveGroup(idle(group, incident, route, now, channel), now);
              continue;
            }
            if (action.isEmpty()) {
              // new downstream impact of a firing incident: an update, held like a trigger
              if (!hold(tx, group, incident, silences, current, now)) {
                queued += queueImpact(tx, channel, group, incident, route, added, routing, now);
              }
              continue;
            }
            // triggers (first, escalation, repeat) wait out a silence; acknowledge and resolve
            // of what a channel heard still go
            if (action.get() == AlertAction.TRIGGER
                && hold(tx, group, incident, silences, current, now)) {
              continue;
            }
            Alert alert = alert(action.get(), incident, routing, now);
            if (route.digest() != null) {
              digests
                  .computeIfAbsent(channel.name(), name -> new ArrayList<>())
                  .add(new Pending(group, alert, route));
              continue;
            }
            queued += queue(tx, channel, List.of(new Pending(group, alert, route)), now, false);
          }
          for (Map.Entry<String, List<Pending>> digest : digests.entrySet()) {
            ChannelConfig channel = current.notifications().channels().get(digest.getKey());
            queued += queue(tx, channel, digest.getValue(), now, true);
          }
          return queued;
        });
  }

  private int queue(
      NotifyTransaction tx,
      ChannelConfig channel,
      List<Pending> pending,
      Instant now,
      boolean digest) {
    List<OutboundMessage> messages;
    try {
      ChannelType type = types.get(channel.type());
      // rendered with placeholders for keys and urls: the outbox keeps no secret
      SecretSlots.Masking masking = SecretSlots.masking(channel, type);
      ChannelConfig masked = masking.channel();
      messages =
          (digest
                  ? type.renderGroup(masked, pending.stream().map(Pending::alert).toList(), now)
                  : List.of(type.render(masked, pending.get(0).alert())))
              .stream().map(masking::sealed).toList();
    } catch (RuntimeException e) {
      LOG.warn("Channel {} could not render a notification: {}", channel.name(), e.getMessage());
      pending.forEach(p -> tx.saveGroup(p.group().due(null), now));
      return 0;
    }
    List<Long> ids = pending.stream().map(p -> p.group().incidentId()).toList();
    String key = dedupKey(channel.name(), pending);
    int queued = 0;
    for (int index = 0; index < messages.size(); index++) {
      String messageKey = messages.size() == 1 ? key : key + "-part" + (index + 1);
      // a renderGroup that returns one message per alert keeps each on its own incident
      List<Long> about =
          messages.size() == pending.size() && digest ? List.of(ids.get(index)) : ids;
      AlertAction action =
          pending.size() == 1 ? pending.get(0).alert().action() : actionOf(pending);
      if (tx.enqueue(OutboxEntry.queued(messageKey, about, action, messages.get(index), now))) {
        queued++;
      }
    }
    for (Pending p : pending) {
      Incident incident = p.alert().incident();
      // every message tells the whole impact: an update is only for what joins later
      tx.saveGroup(
          p.group()
              .sent(
                  p.alert().action(),
                  incident.severity(),
                  incident.impact().size(),
                  now,
                  Grouping.nextDue(incident, p.route(), now)),
          now);
    }
    return queued;
  }

  /** Queues the update about {@code added} where the channel's type takes updates. */
  private int queueImpact(
      NotifyTransaction tx,
      ChannelConfig channel,
      GroupState group,
      Incident incident,
      RoutedChannel route,
      List<Subject> added,
      Routing routing,
      Instant now) {
    AlertAction state =
        incident.status() == IncidentStatus.ACKNOWLEDGED
            ? AlertAction.ACKNOWLEDGE
            : AlertAction.TRIGGER;
    Alert alert = alert(state, incident, routing, now);
    List<OutboundMessage> messages;
    try {
      ChannelType type = types.get(channel.type());
      SecretSlots.Masking masking = SecretSlots.masking(channel, type);
      messages =
          type.renderImpact(masking.channel(), alert, added).stream().map(masking::sealed).toList();
    } catch (RuntimeException e) {
      LOG.warn("Channel {} could not render an update: {}", channel.name(), e.getMessage());
      messages = List.of();
    }
    int heard = incident.impact().size();
    if (messages.isEmpty()) {
      tx.saveGroup(idle(group.heardImpact(heard), incident, route, now, channel), now);
      return 0;
    }
    String key = alert.dedupKey() + "-impact-" + channel.name() + "-" + (group.sequence() + 1);
    int queued = 0;
    for (int index = 0; index < messages.size(); index++) {
      String messageKey = messages.size() == 1 ? key : key + "-part" + (index + 1);
      OutboxEntry entry =
          OutboxEntry.queued(messageKey, List.of(incident.id()), state, messages.get(index), now);
      if (tx.enqueue(entry)) {
        queued++;
      }
    }
    tx.saveGroup(group.updated(heard, now, Grouping.nextDue(incident, route, now)), now);
    return queued;
  }

  /**
   * A group with nothing to say now: looked at again for the repeat of a still-open incident; a
   * group stored before impact was counted takes what is known now as heard.
   */
  private static GroupState idle(
      GroupState group,
      Incident incident,
      RoutedChannel route,
      Instant now,
      ChannelConfig channel) {
    GroupState counted =
        group.impactHeard() == null ? group.heardImpact(incident.impact().size()) : group;
    return counted.due(idleDue(group, incident, route, now, channel));
  }

  /** A digest mixing triggers and resolves is filed as a trigger. */
  private static AlertAction actionOf(List<Pending> pending) {
    return pending.stream().allMatch(p -> p.alert().action() == AlertAction.RESOLVE)
        ? AlertAction.RESOLVE
        : AlertAction.TRIGGER;
  }

  /** {@code nines-incident-<id>-<action>-<channel>-<n>}; one per message a group makes. */
  static String dedupKey(String channel, List<Pending> pending) {
    if (pending.size() == 1) {
      Pending one = pending.get(0);
      return one.alert().dedupKey()
          + "-"
          + one.alert().action().name().toLowerCase(java.util.Locale.ROOT)
          + "-"
          + channel
          + "-"
          + (one.group().sequence() + 1);
    }
    StringBuilder key = new StringBuilder("nines-digest-" + channel);
    for (Pending p : pending) {
      key.append('-').append(p.group().incidentId()).append('.').append(p.group().sequence() + 1);
    }
    return key.length() <= 480 ? key.toString() : key.substring(0, 400) + "-" + key.hashCode();
  }

  /** When a group with nothing to say is next looked at: the repeat of a still-open incident. */
  private static Instant idleDue(
      GroupState group,
      Incident incident,
      RoutedChannel route,
      Instant now,
      ChannelConfig channel) {
    if (channel == null || !incident.isActive() || group.lastSentAt() == null) {
      return null;
    }
    Instant repeat = Grouping.nextDue(incident, route, group.lastSentAt());
    return repeat == null || repeat.isAfter(now) ? repeat : null;
  }

  private boolean hold(
      NotifyTransaction tx,
      GroupState group,
      Incident incident,
      List<Silence> silences,
      Spec current,
      Instant now) {
    String why = null;
    Instant until = null;
    for (Silence silence : silences) {
      if (silence.silences(incident, now)) {
        why =
            "silence #" + silence.id() + " (" + silence.reason() + ", by " + silence.author() + ")";
        until = silence.endsAt();
        break;
      }
    }
    if (why == null) {
      for (MaintenanceWindow window : current.notifications().maintenance()) {
        Optional<Instant> end = window.activeUntil(now);
        if (end.isPresent() && window.covers(incident)) {
          why = "maintenance window (" + window.reason() + ")";
          until = end.get();
          break;
        }
      }
    }
    if (why == null) {
      return false;
    }
    if (group.heldUntil() == null || !group.heldUntil().equals(until)) {
      tx.appendTimeline(
          new TimelineEntry(
              0,
              incident.id(),
              now,
              TimelineKind.COMMENTED,
              TimelineEntry.NINES,
              "notification to " + group.channel() + " held by " + why + " until " + until));
    }
    // looked at again within a minute, so removing a silence early takes effect
    Instant recheck = now.plus(HOLD_RECHECK);
    tx.saveGroup(group.held(until).due(recheck.isBefore(until) ? recheck : until), now);
    return true;
  }

  private static Alert alert(AlertAction action, Incident incident, Routing routing, Instant now) {
    List<String> failures = new ArrayList<>();
    if (incident.lastMessage() != null && !incident.lastMessage().isBlank()) {
      failures.add(incident.lastMessage());
    }
    Remedies remedies = routing.remedies(incident);
    return new Alert(
        action,
        incident,
        routing.link(incident.id()),
        failures,
        remedies.runbook(),
        remedies.actions(),
        now);
  }

  /** A group due now, with what it should say and where it was routed. */
  record Pending(GroupState group, Alert alert, RoutedChannel route) {}
}
