package dev.nines.store;

import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.notify.Silence;
import dev.nines.store.internal.NotifyDao;
import dev.nines.store.internal.NotifyHandle;
import dev.nines.store.internal.StoreColumns;
import dev.nines.store.internal.StoreFailures;
import dev.nines.store.internal.StoreUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The notifier's part of the store: its transactions over groups and timeline, the durable outbox
 * (claimed with {@code FOR UPDATE SKIP LOCKED} on H2 2.x and PostgreSQL alike, plus a lease so a
 * worker that stops after claiming leaves the message to the next), and silences.
 */
public final class NotificationStore {
  private final Jdbi jdbi;
  private final StoreUrl url;

  NotificationStore(Jdbi jdbi, StoreUrl url) {
    this.jdbi = jdbi;
    this.url = url;
  }

  /** Runs {@code work} in one transaction: all its writes commit together or not at all. */
  public <T> T inTransaction(Function<NotifyTransaction, T> work) {
    return attempt(
        "update notifications",
        () ->
            jdbi.inTransaction(
                handle -> work.apply(new NotifyHandle(handle.attach(NotifyDao.class)))));
  }

  /**
   * Claims up to {@code limit} due messages for {@code lease}: nobody else sends them until the
   * lease ends or they are marked. Counts the attempt.
   */
  public List<OutboxEntry> claim(int limit, Instant now, Duration lease) {
    Instant at = StoreColumns.toMillis(now);
    return attempt(
        "claim notifications",
        () ->
            jdbi.inTransaction(
                handle -> {
                  NotifyDao dao = handle.attach(NotifyDao.class);
                  List<OutboxEntry> due = dao.due(at, limit);
                  if (!due.isEmpty()) {
                    dao.claim(due.stream().map(OutboxEntry::id).toList(), at.plus(lease));
                  }
                  // as claimed: this attempt counted
                  return due.stream().map(OutboxEntry::attempted).toList();
                }));
  }

  /** Marks a message delivered and says so on each incident's timeline. */
  public void delivered(OutboxEntry entry, Instant at, String detail) {
    finish(
        entry,
        OutboxStatus.DELIVERED,
        at,
        null,
        TimelineKind.NOTIFIED,
        entry.action().name().toLowerCase(java.util.Locale.ROOT)
            + " sent to "
            + entry.channel()
            + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
  }

  /** Gives a message up and says why on each incident's timeline. */
  public void failed(OutboxEntry entry, Instant at, String error) {
    finish(
        entry,
        OutboxStatus.FAILED,
        at,
        error,
        TimelineKind.NOTIFICATION_FAILED,
        entry.action().name().toLowerCase(java.util.Locale.ROOT)
            + " to "
            + entry.channel()
            + " given up after "
            + entry.attempts()
            + " attempt(s): "
            + error);
  }

  private void finish(
      OutboxEntry entry,
      OutboxStatus status,
      Instant at,
      String error,
      TimelineKind kind,
      String text) {
    Instant when = StoreColumns.toMillis(at);
    attempt(
        "mark a notification",
        () ->
            jdbi.inTransaction(
                handle -> {
                  NotifyDao dao = handle.attach(NotifyDao.class);
                  if (dao.finish(entry.id(), status.name(), when, error) == 1) {
                    NotifyHandle tx = new NotifyHandle(dao);
                    for (long incident : entry.incidentIds()) {
                      tx.appendTimeline(
                          new TimelineEntry(0, incident, when, kind, TimelineEntry.NINES, text));
                    }
                  }
                  return null;
                }));
  }

  /** Schedules another attempt. */
  public void retry(OutboxEntry entry, Instant next, String error) {
    attempt(
        "reschedule a notification",
        () ->
            jdbi.withExtension(
                NotifyDao.class, dao -> dao.retry(entry.id(), StoreColumns.toMillis(next), error)));
  }

  /** Newest first: pending and given-up messages, or only given-up ones. */
  public List<OutboxEntry> outbox(boolean failedOnly, int limit) {
    List<String> statuses = failedOnly ? List.of("FAILED") : List.of("PENDING", "FAILED");
    return attempt(
        "read the outbox",
        () -> jdbi.withExtension(NotifyDao.class, dao -> dao.outbox(statuses, limit)));
  }

  /**
   * Notifications not rendered yet, soonest first: incidents waiting on a channel for their group
   * wait or interval, a repeat, business hours, a digest or the end of a silence.
   */
  public List<dev.nines.notify.GroupState> waiting(int limit) {
    return attempt(
        "read waiting notifications",
        () -> jdbi.withExtension(NotifyDao.class, dao -> dao.waitingGroups(limit)));
  }

  public Optional<OutboxEntry> outboxEntry(long id) {
    return attempt(
        "read the outbox", () -> jdbi.withExtension(NotifyDao.class, dao -> dao.outboxEntry(id)));
  }

  /** Stores a silence and returns it with its id. */
  public Silence addSilence(Silence silence) {
    Silence.Match match = silence.match();
    long id =
        attempt(
            "add a silence",
            () ->
                jdbi.withExtension(
                    NotifyDao.class,
                    dao ->
                        dao.insertSilence(
                            match.dataset(),
                            match.pipeline(),
                            match.source(),
                            match.severity() == null ? null : match.severity().name(),
                            match.owner(),
                            StoreColumns.toMillis(silence.startsAt()),
                            StoreColumns.toMillis(silence.endsAt()),
                            silence.reason(),
                            silence.author(),
                            StoreColumns.toMillis(silence.createdAt()))));
    return silence(id).orElseThrow();
  }

  /** Silences not yet over at {@code now} (in force or starting later), by start. */
  public List<Silence> silences(Instant now) {
    return attempt(
        "read silences",
        () -> jdbi.withExtension(NotifyDao.class, dao -> dao.silencesEndingAfter(now)));
  }

  public Optional<Silence> silence(long id) {
    return attempt(
        "read a silence", () -> jdbi.withExtension(NotifyDao.class, dao -> dao.silence(id)));
  }

  /** Removes a silence; false when there was none with this id. */
  public boolean removeSilence(long id, Instant at) {
    return attempt(
        "remove a silence",
        () ->
            jdbi.withExtension(
                NotifyDao.class, dao -> dao.removeSilence(id, StoreColumns.toMillis(at)) == 1));
  }

  private <T> T attempt(String action, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw StoreFailures.failed(url, action, e);
    }
  }
}
