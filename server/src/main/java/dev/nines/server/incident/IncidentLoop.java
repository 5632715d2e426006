package dev.nines.server.incident;

import dev.nines.incident.IncidentManager;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the incident manager over newly stored observations: woken in-process the moment anything
 * saves observations, and polling every {@code poll} for those saved by other replicas; escalates
 * unresolved incidents every {@code escalateEvery}.
 */
public final class IncidentLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentLoop.class);

  private final Supplier<Spec> spec;
  private final NinesStore store;
  private final Clock clock;
  private final Duration poll;
  private final Duration escalateEvery;
  private final Semaphore wake = new Semaphore(0);
  private final List<Runnable> processedListeners = new CopyOnWriteArrayList<>();
  private volatile boolean running;
  private Thread thread;
  private volatile Instant lastEscalation = Instant.MIN;

  public IncidentLoop(
      Supplier<Spec> spec, NinesStore store, Clock clock, Duration poll, Duration escalateEvery) {
    this.spec = spec;
    this.store = store;
    this.clock = clock;
    this.poll = poll;
    this.escalateEvery = escalateEvery;
  }

  /** Starts the loop and listens for saved observations. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    store.incidents().startTailing();
    store.onObservationsSaved(this::wake);
    thread = new Thread(this::loop, "nines-incidents");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Calls {@code listener} after each pass that processed observations (and so may have written
   * timeline entries), so the notifier wakes at once. It must be quick and must not throw.
   */
  public void onProcessed(Runnable listener) {
    processedListeners.add(listener);
  }

  /** Asks for a pass now; several asks before it runs make one pass. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** Processes what is waiting now, on the caller's thread; returns how many observations. */
  public int processNow() {
    IncidentManager manager = new IncidentManager(spec.get(), clock);
    int processed = store.incidents().process(manager);
    Instant now = clock.instant();
    if (!now.isBefore(lastEscalation.plus(escalateEvery))) {
      store.incidents().escalate(manager);
      lastEscalation = now;
    }
    return processed;
  }

  private void loop() {
    while (running) {
      try {
        wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
        if (!running) {
          return;
        }
        int processed = processNow();
        if (processed > 0) {
          LOG.debug("Incidents: {} observations processed", processed);
          processedListeners.forEach(Runnable::run);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("Incident processing failed, will retry: {}", e.getMessage());
      }
    }
  }

  /** Stops after the pass under way. */
  @Override
  public synchronized void close() {
    if (thread == null) {
      return;
    }
    running = false;
    wake.release();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }
}
