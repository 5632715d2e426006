package dev.nines.store.internal;

import dev.nines.incident.Incident;
import dev.nines.incident.TimelineEntry;
import dev.nines.notify.GroupState;
import dev.nines.notify.Silence;
import dev.nines.store.NotifyTransaction;
import dev.nines.store.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The notifier's transaction over one Jdbi handle. */
public final class NotifyHandle implements NotifyTransaction {
  private final NotifyDao dao;

  public NotifyHandle(NotifyDao dao) {
    this.dao = dao;
  }

  @Override
  public long lockCursor(String name) {
    Optional<Long> position = dao.lockCursor(name);
    if (position.isPresent()) {
      return position.get();
    }
    // first use: a replica racing here fails on the primary key and retries on its next poll
    dao.insertCursor(name, StoreColumns.toMillis(Instant.now()));
    return dao.lockCursor(name).orElseThrow();
  }

  @Override
  public void advanceCursor(String name, long position, Instant at) {
    dao.advanceCursor(name, position, StoreColumns.toMillis(at));
  }

  @Override
  public List<TimelineEntry> timelineAfter(long position, int limit) {
    return dao.timelineAfter(position, limit);
  }

  @Override
  public Optional<Incident> incident(long id) {
    return dao.incident(id);
  }

  @Override
  public Optional<GroupState> group(long incidentId, String channel) {
    return dao.group(incidentId, channel);
  }

  @Override
  public List<GroupState> groupsOf(long incidentId) {
    return dao.groupsOf(incidentId);
  }

  @Override
  public void saveGroup(GroupState group, Instant at) {
    String severity = group.sentSeverity() == null ? null : group.sentSeverity().name();
    Instant lastSent = StoreColumns.toMillis(group.lastSentAt());
    Instant due = StoreColumns.toMillis(group.dueAt());
    Instant held = StoreColumns.toMillis(group.heldUntil());
    Instant now = StoreColumns.toMillis(at);
    int updated =
        dao.updateGroup(
            group.incidentId(),
            group.channel(),
            group.sent().name(),
            severity,
            lastSent,
            due,
            group.sequence(),
            held,
            group.impactHeard(),
            now);
    if (updated == 0) {
      dao.insertGroup(
          group.incidentId(),
          group.channel(),
          group.sent().name(),
          severity,
          lastSent,
          due,
          group.sequence(),
          held,
          group.impactHeard(),
          now);
    }
  }

  @Override
  public List<GroupState> dueGroups(Instant now, int limit) {
    return dao.dueGroups(StoreColumns.toMillis(now), limit);
  }

  @Override
  public boolean enqueue(OutboxEntry entry) {
    if (dao.countDedup(entry.dedupKey()) > 0) {
      return false;
    }
    var message = entry.message();
    dao.insertOutbox(
        entry.dedupKey(),
        NotifyRows.ids(entry.incidentIds()),
        message.channel(),
        entry.action().name(),
        message.transport().name(),
        message.target(),
        NotifyRows.headersJson(message.headers()),
        message.subject(),
        message.body(),
        message.textBody(),
        StoreColumns.toMillis(entry.createdAt()));
    return true;
  }

  @Override
  public TimelineEntry appendTimeline(TimelineEntry entry) {
    Instant at = StoreColumns.toMillis(entry.at());
    long id =
        dao.appendTimeline(
            entry.incidentId(), at, entry.kind().name(), entry.actor(), entry.text());
    return new TimelineEntry(id, entry.incidentId(), at, entry.kind(), entry.actor(), entry.text());
  }

  @Override
  public List<Silence> activeSilences(Instant now) {
    return dao.silencesEndingAfter(StoreColumns.toMillis(now)).stream()
        .filter(silence -> silence.isActive(now))
        .toList();
  }
}
