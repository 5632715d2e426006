package dev.nines.server.notify;

import dev.nines.notify.DeliverySettings;
import dev.nines.store.NotificationStore;
import dev.nines.store.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox messages: claims them for a lease (so a worker that dies mid-send leaves them to
 * the next once the lease ends), sends each through the {@link Sender}, and marks it delivered,
 * given up, or due again after a backoff: exponential with full jitter, capped, or the receiver's
 * Retry-After, until {@code give_up_after} from when it was queued.
 */
public final class DeliveryWorker implements AutoCloseable {
  /** How long a claimed message is left to its worker: longer than any send's timeout. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int PARALLEL_SENDS = 4;

  private final NotificationStore store;
  private final Sender sender;
  private final Supplier<DeliverySettings> settings;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration lease;
  private final ExecutorService sends;

  public DeliveryWorker(
      NotificationStore store,
      Sender sender,
      Supplier<DeliverySettings> settings,
      Clock clock,
      RandomGenerator random,
      Duration lease) {
    this.store = store;
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.lease = lease;
    this.sends =
        Executors.newFixedThreadPool(
            PARALLEL_SENDS,
            task -> {
              Thread thread = new Thread(task, "nines-notify-send");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Claims and sends up to {@code limit} due messages; returns how many were claimed. */
  public int deliverDue(int limit) {
    List<OutboxEntry> claimed = store.claim(limit, clock.instant(), lease);
    if (claimed.size() == 1) {
      deliver(claimed.get(0));
      return 1;
    }
    List<Future<Boolean>> running =
        claimed.stream().map(entry -> sends.submit(() -> deliver(entry), true)).toList();
    for (Future<Boolean> send : running) {
      try {
        send.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return claimed.size(); // the rest stay claimed until their lease ends, then are retried
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.warn("A notification send failed unexpectedly: {}", e.getCause().toString());
      }
    }
    return claimed.size();
  }

  /** Sends one claimed message and records what came of it. */
  void deliver(OutboxEntry entry) {
    DeliveryResult result;
    try {
      result = sender.send(entry.message());
    } catch (RuntimeException e) {
      result = DeliveryResult.retry(null, null, "sender failed: " + e.getClass().getSimpleName());
    }
    Instant now = clock.instant();
    switch (result.outcome()) {
      case DELIVERED -> store.delivered(entry, now, result.detail());
      case REJECTED -> store.failed(entry, now, result.detail());
      case RETRY -> {
        DeliverySettings delivery = settings.get();
        Duration wait;
        synchronized (random) { // the generators at hand are not thread-safe
          wait = delivery.backoff(entry.attempts(), result.retryAfter(), random);
        }
        Instant next = now.plus(wait);
        if (next.isAfter(entry.createdAt().plus(delivery.giveUpAfter()))) {
          store.failed(entry, now, result.detail());
        } else {
          store.retry(entry, next, result.detail());
        }
      }
    }
  }

  /** Stops sending; sends under way get a few seconds to finish, else stay claimed to retry. */
  @Override
  public void close() {
    sends.shutdown();
    try {
      if (!sends.awaitTermination(5, TimeUnit.SECONDS)) {
        sends.shutdownNow();
      }
    } catch (InterruptedException e) {
      sends.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
