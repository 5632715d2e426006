package dev.nines.server.notify;

import dev.nines.notify.ChannelTypes;
import dev.nines.spec.Spec;
import dev.nines.store.NotificationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the notifier and the delivery worker on one thread: woken in-process when incidents change
 * ({@link #wake}), and polling every {@code poll} for what other replicas wrote and for groups and
 * retries coming due. Closing lets the round under way finish.
 */
public final class NotifierLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierLoop.class);
  static final int BATCH = 200;

  private final Notifier notifier;
  private final DeliveryWorker worker;
  private final Duration poll;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition woken = lock.newCondition();
  private boolean wakeRequested;
  private volatile boolean running;
  private Thread thread;

  public NotifierLoop(Notifier notifier, DeliveryWorker worker, Duration poll) {
    this.notifier = notifier;
    this.worker = worker;
    this.poll = poll;
  }

  /**
   * The notifier of a server: the standard channel types and senders, polling every second.
   *
   * @param spec the spec in force (reloads included)
   */
  public static NotifierLoop wire(Supplier<Spec> spec, NotificationStore store, Clock clock) {
    Notifier notifier = new Notifier(spec, store, ChannelTypes.standard(), clock);
    Senders senders =
        Senders.standard(
            name -> Optional.ofNullable(spec.get().notifications().channels().get(name)), clock);
    DeliveryWorker worker =
        new DeliveryWorker(
            store,
            senders,
            () -> spec.get().notifications().delivery(),
            clock,
            new SplittableRandom(),
            DeliveryWorker.DEFAULT_LEASE);
    return new NotifierLoop(notifier, worker, Duration.ofSeconds(1));
  }

  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "nines-notifier");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for a round now: something was written to the incident timeline. */
  public void wake() {
    lock.lock();
    try {
      wakeRequested = true;
      woken.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * One full round: tails the timeline, flushes due groups and sends due messages, each until
   * nothing more is due now; returns whether anything happened.
   */
  public boolean round() {
    int work = 0;
    int read;
    do {
      read = notifier.tail(BATCH);
      work += read;
    } while (read == BATCH);
    int queued;
    do {
      queued = notifier.flush(BATCH);
      work += queued;
    } while (queued == BATCH);
    int sent;
    do {
      sent = worker.deliverDue(BATCH);
      work += sent;
    } while (sent == BATCH && running);
    return work > 0;
  }

  /**
   * Runs rounds on the calling thread until nothing is due or {@code max} has passed (checked
   * between rounds), for {@code nines check}: what is not due yet stays in the outbox for the
   * server or the next run. Returns whether it finished with nothing left due now.
   */
  public boolean drain(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (!round()) {
        return true;
      }
    }
    return false;
  }

  private void run() {
    while (running) {
      try {
        round();
      } catch (RuntimeException e) {
        LOG.warn("Notifier round failed, will retry: {}", e.getMessage());
      }
      lock.lock();
      try {
        if (!wakeRequested && running) {
          woken.await(poll.toMillis(), TimeUnit.MILLISECONDS);
        }
        wakeRequested = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  /** Stops after the round under way; sends still running are left to their lease. */
  @Override
  public void close() {
    Thread stopping;
    synchronized (this) {
      stopping = thread;
      thread = null;
      running = false;
    }
    wake();
    if (stopping != null) {
      try {
        stopping.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    worker.close();
  }
}
