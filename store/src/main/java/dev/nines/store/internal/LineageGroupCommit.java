package dev.nines.store.internal;

import dev.nines.store.IngestOutcome;
import dev.nines.store.LineageIngest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit: the events of requests arriving together are written by one thread in one
 * transaction, and each request is answered once the commit that holds its events is done. One
 * durable commit then serves many requests. A few such writers ("lanes") work side by side; a
 * request goes to the lane of its first event's run, so the events of one run sent one by one never
 * race each other. Should a shared transaction fail, each request's events are written again on
 * their own, so one request's bad event never fails another request.
 */
public final class LineageGroupCommit implements AutoCloseable {
  /** Events in one transaction at most: bounds the IN lists and the time a commit holds locks. */
  static final int MAX_GROUP_EVENTS = 1_000;

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
      lane.startIfNeeded();
      lane.queue.add(pending);
    }
    return await(pending.done());
  }

  private Lane laneOf(LineageIngest first) {
    Object key = first.event().runId() != null ? first.event().runId() : first.event().identity();
    return lanes[Math.floorMod(key.hashCode(), lanes.length)];
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
    private Thread thread;

    Lane(int number) {
      this.number = number;
    }

    void startIfNeeded() {
      if (thread == null) {
        thread = new Thread(() -> loop(queue), "nines-lineage-writer-" + number);
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private void loop(LinkedBlockingQueue<Pending> queue) {
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
        if (events + next.items().size() > MAX_GROUP_EVENTS) {
          break;
        }
        group.add(queue.poll());
        events += next.items().size();
      }
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
      group.forEach(this::writeAlone);
      return;
    }
    int from = 0;
    for (Pending pending : group) {
      int to = from + pending.items().size();
      pending.done().complete(List.copyOf(outcomes.subList(from, to)));
      from = to;
    }
  }

  private void writeAlone(Pending pending) {
    try {
      pending.done().complete(writer.writeAll(pending.items(), pending.receivedAt()));
    } catch (RuntimeException | Error e) {
      pending.done().completeExceptionally(e);
    }
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
