package dev.nines.server.slo;

import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the SLO evaluation pass every {@code every} and soon after new observations are saved (at
 * most once per {@code minGap}, so a burst of check runs makes one pass). Replicas take turns on
 * the {@code slo} cursor's row lock; the burn observations a pass writes wake the incident loop.
 */
public final class SloLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SloLoop.class);

  private final Supplier<Spec> spec;
  private final NinesStore store;
  private final Clock clock;
  private final Duration every;
  private final Duration minGap;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  public SloLoop(
      Supplier<Spec> spec, NinesStore store, Clock clock, Duration every, Duration minGap) {
    this.spec = spec;
    this.store = store;
    this.clock = clock;
    this.every = every;
    this.minGap = minGap;
  }

  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    store.onObservationsSaved(this::wake);
    thread = new Thread(this::loop, "nines-slos");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for a pass soon. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** One pass now on the caller's thread; returns how many SLOs were evaluated. */
  public int evaluateNow() {
    Spec current = spec.get();
    if (current.slos().isEmpty()) {
      return 0;
    }
    return store.slos().evaluate(current, clock.instant()).size();
  }

  private void loop() {
    while (running) {
      try {
        evaluateNow();
        Thread.sleep(minGap.toMillis());
        wake.tryAcquire(Math.max(0, every.minus(minGap).toMillis()), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("SLO evaluation failed, will retry: {}", e.getMessage());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (thread == null) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }
}
