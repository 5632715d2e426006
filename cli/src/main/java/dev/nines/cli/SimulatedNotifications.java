package dev.nines.cli;

import dev.nines.notify.ChannelTypes;
import dev.nines.notify.GroupState;
import dev.nines.server.notify.Notifier;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import dev.nines.store.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * The notifier of a simulated month: after each step it decides, at the step's time, what the
 * spec's routes would have sent (grouping, business hours, digests, silences), into the simulated
 * store's outbox. Nothing is delivered: the outbox says who would have heard what, and when.
 */
final class SimulatedNotifications {
  private static final int BATCH = 500;

  private final StepClock clock = new StepClock();
  private final Notifier notifier;
  private final NinesStore store;

  SimulatedNotifications(Spec spec, NinesStore store) {
    this.store = store;
    this.notifier = new Notifier(() -> spec, store.notifications(), ChannelTypes.standard(), clock);
  }

  /** Whether the spec has channels to route to. */
  static boolean wanted(Spec spec) {
    return !spec.notifications().channels().isEmpty();
  }

  /**
   * What the notifier does at {@code now} and until {@code next}: it reads the new timeline, then
   * sends each group when it comes due (a group wait of 30 seconds goes out 30 seconds later, not
   * at the next step).
   */
  void between(Instant now, Instant next) {
    clock.now = now;
    while (notifier.tail(BATCH) == BATCH) {
      // more timeline entries wait
    }
    flushDue();
    while (true) {
      Instant due =
          store.notifications().waiting(1).stream()
              .map(GroupState::dueAt)
              .filter(at -> at != null && at.isAfter(clock.now) && at.isBefore(next))
              .findFirst()
              .orElse(null);
      if (due == null) {
        return;
      }
      clock.now = due;
      flushDue();
    }
  }

  private void flushDue() {
    while (notifier.flush(BATCH) == BATCH) {
      // more groups are due
    }
  }

  /** Everything queued, oldest first. */
  List<OutboxEntry> queued() {
    return store.notifications().outbox(false, 100_000).stream()
        .sorted(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id))
        .toList();
  }

  /** A clock the simulation moves; read by the notifier on the same thread. */
  private static final class StepClock extends Clock {
    private Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the simulated clock stays in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
