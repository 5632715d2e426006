package dev.nines.server.remediation;

import dev.nines.incident.Incident;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.remediation.RemediationOffer;
import dev.nines.remediation.RemediationOffers;
import dev.nines.remediation.TimelineTail;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic remediation: tails the incident timelines under the {@value #CURSOR} cursor and, for
 * each OPENED or REOPENED entry of an incident whose offer says {@code automatic: true}, starts the
 * action, at most {@code max_attempts} times per incident.
 *
 * <p>An attempt is claimed (its REMEDIATION_STARTED written) in the same transaction that moves the
 * cursor, and run after the commit: a crash between the two leaves a started attempt without an
 * outcome rather than a second Airflow run, which is the safer way round for actions with side
 * effects.
 */
public final class RemediationLoop implements AutoCloseable {
  /** The {@code work_cursor} row of this loop. */
  public static final String CURSOR = "remediation";

  private static final Logger LOG = LoggerFactory.getLogger(RemediationLoop.class);
  private static final int BATCH = 200;
  private static final int RUNNERS = 2;

  private final TimelineTail tail;
  private final Remediator remediator;
  private final Clock clock;
  private final AtomicBoolean wakeRequested = new AtomicBoolean();
  private ScheduledExecutorService poller;
  private ExecutorService runners;

  public RemediationLoop(TimelineTail tail, Remediator remediator, Clock clock) {
    this.tail = tail;
    this.remediator = remediator;
    this.clock = clock;
  }

  /** Looks for new entries every {@code every} and whenever {@link #wake()} is called. */
  public synchronized void start(Duration every) {
    if (poller != null) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(daemon("nines-remediation-loop"));
    runners = Executors.newFixedThreadPool(RUNNERS, daemon("nines-remediation-run"));
    // the first turn here, before returning: a new cursor then exists before any incident opens
    try {
      for (Claim claim : tail.next(CURSOR, BATCH, this::claim)) {
        runners.submit(() -> remediator.finish(claim.request(), claim.started()));
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Automatic remediation could not look at the timelines, will retry: {}", e.getMessage());
    }
    poller.scheduleWithFixedDelay(
        this::drainQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the loop to look now: the step before it wrote to a timeline. */
  public void wake() {
    ScheduledExecutorService current = poller;
    if (current != null && wakeRequested.compareAndSet(false, true)) {
      current.execute(
          () -> {
            wakeRequested.set(false);
            drainQuietly();
          });
    }
  }

  /**
   * Processes every new entry now and runs the attempts it claims, waiting for their outcomes.
   *
   * @return the attempts started
   */
  public List<RemediationAttempt> runOnce() {
    List<RemediationAttempt> attempts = new ArrayList<>();
    List<Claim> claims;
    do {
      claims = tail.next(CURSOR, BATCH, this::claim);
      for (Claim claim : claims) {
        attempts.add(remediator.finish(claim.request(), claim.started()));
      }
    } while (!claims.isEmpty());
    return attempts;
  }

  /** Stops looking; attempts under way finish first (each bounded by its action's timeout). */
  @Override
  public synchronized void close() {
    if (poller == null) {
      return;
    }
    stop(poller);
    stop(runners);
  }

  private record Claim(ActionRequest request, TimelineEntry started) {}

  /** In the cursor's transaction: which automatic attempts the new entries call for. */
  private List<Claim> claim(TimelineTail.Batch batch) {
    List<Claim> claims = new ArrayList<>();
    if (batch.entries().isEmpty()) {
      return claims;
    }
    RemediationOffers offers = remediator.offers();
    for (TimelineEntry entry : batch.entries()) {
      if (entry.kind() != TimelineKind.OPENED && entry.kind() != TimelineKind.REOPENED) {
        continue;
      }
      Optional<Incident> found = remediator.find(entry.incidentId());
      if (found.isEmpty() || !found.get().isActive()) {
        continue; // resolved meanwhile: nothing to fix
      }
      Incident incident = found.get();
      for (RemediationOffer offer : offers.automatic(incident)) {
        List<TimelineEntry> timeline = batch.timeline(incident.id());
        if (AttemptLog.countAutomatic(timeline, offer.name()) >= offer.maxAttempts()) {
          continue;
        }
        int attempt = AttemptLog.count(timeline, offer.name()) + 1;
        ActionRequest request =
            new ActionRequest(incident, offer, attempt, TimelineEntry.NINES, clock.instant());
        TimelineEntry started =
            batch.append(
                new TimelineEntry(
                    0,
                    incident.id(),
                    request.at(),
                    TimelineKind.REMEDIATION_STARTED,
                    TimelineEntry.NINES,
                    AttemptLog.started(offer, attempt)));
        claims.add(new Claim(request, started));
      }
    }
    return claims;
  }

  private void drainQuietly() {
    try {
      List<Claim> claims;
      do {
        claims = tail.next(CURSOR, BATCH, this::claim);
        List<Future<RemediationAttempt>> running = new ArrayList<>();
        for (Claim claim : claims) {
          running.add(runners.submit(() -> remediator.finish(claim.request(), claim.started())));
        }
        for (Future<RemediationAttempt> attempt : running) {
          RemediationAttempt done = attempt.get();
          LOG.info(
              "Automatic remediation {} attempt {}: {}",
              done.action(),
              done.attempt(),
              done.result());
        }
      } while (!claims.isEmpty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Automatic remediation failed, will retry: {}", e.getMessage());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void stop(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(Actions.DEFAULT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
