package dev.nines.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How hard the outbox tries: exponential backoff with full jitter between attempts, capped, and a
 * time after which a message is given up.
 *
 * @param giveUpAfter how long after it was queued a message is given up (default 24h)
 * @param maxBackoff the longest wait between two attempts (default 10m)
 * @param firstBackoff the wait ceiling after the first failure, doubled after each (default 1s)
 */
public record DeliverySettings(Duration giveUpAfter, Duration maxBackoff, Duration firstBackoff) {
  public static final DeliverySettings DEFAULT =
      new DeliverySettings(Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofSeconds(1));

  public DeliverySettings {
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    if (firstBackoff.isNegative()
        || firstBackoff.isZero()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be positive, the cap at least the first");
    }
  }

  /**
   * The wait before the next attempt after {@code failures} failed ones: a uniform random time up
   * to {@code min(maxBackoff, firstBackoff * 2^(failures-1))} ("full jitter"), or what the receiver
   * asked for with Retry-After when it did.
   */
  public Duration backoff(int failures, Duration retryAfter, RandomGenerator random) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long ceiling = maxBackoff.toMillis();
    int doublings = Math.max(0, failures - 1);
    long first = firstBackoff.toMillis();
    if (doublings < 40) {
      long doubled = first << doublings;
      if ((doubled >> doublings) == first && doubled < ceiling) {
        ceiling = doubled; // not overflowed, below the cap
      }
    }
    return Duration.ofMillis(random.nextLong(ceiling + 1));
  }
}
