package dev.nines.store.internal;

import dev.nines.store.IngestOutcome;
import dev.nines.store.LineageCommitStats;
import dev.nines.store.LineageIngest;
import dev.nines.store.StoreBusy;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: the events of single-event requests arriving together are written by one thread in
 * one transaction, and each request is answered once the commit that holds its event is done. One
 * durable commit then serves many requests. A request of several events (a batch) goes through the
 * same queue but is committed on its own. A few such writers ("lanes") work side by side; a request
 * goes to the lane of its first event's run, so the events of one run sent one by one never race
 * each other. Should a shared transaction fail, each request's events are written again on their
 * own, so one request's bad event never fails another request; when the database itself is gone
 * (connection lost or refused) every request of the group gets that failure at once instead. A lane
 * holding {@link #MAX_QUEUED_EVENTS} refuses more with {@link StoreBusy}.
 */
public final class LineageGroupCommit implements AutoCloseable {
  /**
   * Single-event requests in one transaction at most: bounds the IN lists and the time a commit
   * holds locks.
   */
  static final int MAX_GROUP_EVENTS = 1_000;

  /** Events waiting in one lane at most; past it a request is refused, not queued. */
  public static final int MAX_QUEUED_EVENTS = 10_000;

  /** What a refused request is told to wait: a few group commits' time. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final AtomicLong groups = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicInteger largestGroup = new AtomicInteger();

  private final LineageWriter writer;
  private final Lane[] lanes;
  private final Object lifecycle = new Object();
  private boolean closed;

  /**
   * @param lanes writer threads, each with a connection of its own while it commits
   */
  public LineageGroupCommit(LineageWriter writer, int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("at least one lane is needed");
    }
    this.writer = writer;
    this.lanes = new Lane[lanes];
    for (int i = 0; i < lanes; i++) {
      this.lanes[i] = new Lane(i);
    }
  }

  /**
   * Writes {@code items} with the next group and returns their outcomes once committed; after
   * {@link #close()} the items are written directly.
   *
   * @throws StoreBusy when the lane already holds {@link #MAX_QUEUED_EVENTS} events (a request
   *     alone in its lane is taken whatever its size)
   * @throws RuntimeException what writing threw (a JdbiException when the database failed)
   */
  public List<IngestOutcome> write(List<LineageIngest> items, Instant receivedAt) {
    if (items.isEmpty()) {
      return List.of();
    }
    Pending pending = new Pending(items, receivedAt, new CompletableFuture<>());
    Lane lane = laneOf(items.get(0));
    synchronized (lifecycle) {
      if (closed) {
        return writer.writeAll(items, receivedAt);
      }
      int waiting = lane.queuedEvents.get();
      if (waiting > 0 && waiting + items.size() > MAX_QUEUED_EVENTS) {
        throw new StoreBusy(
            "the store is busy: "
                + waiting
                + " lineage events are waiting to be written; nothing of this request was stored,"
                + " retry in "
                + RETRY_AFTER.toSeconds()
                + " s",
            RETRY_AFTER);
      }
      lane.startIfNeeded();
      lane.queuedEvents.addAndGet(items.size());
      lane.queue.add(pending);
    }
    return await(pending.done());
  }

  private Lane laneOf(LineageIngest first) {
    Object key = first.event().runId() != null ? first.event().runId() : first.event().identity();
    return lanes[Math.floorMod(key.hashCode(), lanes.length)];
  }

  /** What the writers have done so far, and what waits for them now. */
  public LineageCommitStats stats() {
    int waiting = 0;
    for (Lane lane : lanes) {
      waiting += lane.queuedEvents.get();
    }
    return new LineageCommitStats(groups.get(), events.get(), largestGroup.get(), waiting);
  }

  /** Writes what is queued, then stops the writer thread. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      for (Lane lane : lanes) {
        if (lane.thread != null) {
          lane.queue.add(Pending.STOP);
        }
      }
    }
    for (Lane lane : lanes) {
      if (lane.thread != null) {
        try {
          lane.thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** One writer thread and the requests waiting for it. */
  private final class Lane {
    private final int number;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private Thread thread;

    Lane(int number) {
      this.number = number;
    }

    void startIfNeeded() {
      if (thread == null) {
        thread = new Thread(() -> loop(this), "nines-lineage-writer-" + number);
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private void loop(Lane lane) {
    LinkedBlockingQueue<Pending> queue = lane.queue;
    while (true) {
      Pending first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        // Only close() stops the writer: requests are waiting on it.
        continue;
      }
      if (first == Pending.STOP) {
        return;
      }
      List<Pending> group = new ArrayList<>();
      group.add(first);
      boolean stop = false;
      int events = first.items().size();
      for (Pending next = queue.peek(); next != null; next = queue.peek()) {
        if (next == Pending.STOP) {
          stop = true;
          queue.poll();
          break;
        }
        // Only single-event requests share a commit: a batch is already one transaction, and
        // merged batches made each wait for the others' (BENCHMARKS.md, OpenLineage ingestion).
        if (first.items().size() > 1
            || next.items().size() > 1
            || events + next.items().size() > MAX_GROUP_EVENTS) {
          break;
        }
        group.add(queue.poll());
        events += next.items().size();
      }
      lane.queuedEvents.addAndGet(-events);
      commit(group);
      if (stop) {
        return;
      }
    }
  }

  private void commit(List<Pending> group) {
    if (group.size() == 1) {
      writeAlone(group.get(0));
      return;
    }
    List<LineageIngest> items = new ArrayList<>();
    List<Instant> receivedAts = new ArrayList<>();
    for (Pending pending : group) {
      items.addAll(pending.items());
      receivedAts.addAll(Collections.nCopies(pending.items().size(), pending.receivedAt()));
    }
    List<IngestOutcome> outcomes;
    try {
      outcomes = writer.writeAll(items, receivedAts);
    } catch (RuntimeException | Error e) {
      if (isDatabaseGone(e)) {
        // Writing each alone would only wait for a connection once per request.
        group.forEach(pending -> pending.done().completeExceptionally(e));
      } else {
        group.forEach(this::writeAlone);
      }
      return;
    }
    counted(items.size());
    int from = 0;
    for (Pending pending : group) {
      int to = from + pending.items().size();
      pending.done().complete(List.copyOf(outcomes.subList(from, to)));
      from = to;
    }
  }

  private void writeAlone(Pending pending) {
    try {
      List<IngestOutcome> outcomes = writer.writeAll(pending.items(), pending.receivedAt());
      counted(outcomes.size());
      pending.done().complete(outcomes);
    } catch (RuntimeException | Error e) {
      pending.done().completeExceptionally(e);
    }
  }

  private void counted(int groupEvents) {
    groups.incrementAndGet();
    events.addAndGet(groupEvents);
    largestGroup.accumulateAndGet(groupEvents, Math::max);
  }

  /**
   * The connection was lost or could not be had (SQL state class 08, PostgreSQL shutting down or
   * starting, the pool's wait for a connection timed out): no event of the group can be written.
   */
  static boolean isDatabaseGone(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Waits for the commit even when interrupted: the answer must say what was stored. */
  private static List<IngestOutcome> await(CompletableFuture<List<IngestOutcome>> done) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw (Error) e.getCause();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private record Pending(
      List<LineageIngest> items, Instant receivedAt, CompletableFuture<List<IngestOutcome>> done) {
    static final Pending STOP = new Pending(List.of(), Instant.EPOCH, new CompletableFuture<>());
  }
}
