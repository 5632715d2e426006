package dev.nines.server.schedule;

import dev.nines.pipeline.CronSchedule;
import dev.nines.spec.DatasetSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When a dataset's checks run: every fixed interval (aligned to the epoch, so every replica and
 * every restart agrees on the ticks) or on a cron expression, each shifted by a small offset that
 * is stable per dataset, so datasets of one source do not all start in the same second.
 *
 * @param dataset the dataset's name
 * @param every the interval, null for a cron schedule
 * @param cron the cron schedule, null for an interval
 * @param offset the dataset's jitter: within 10% of the interval and at most {@link #MAX_OFFSET}
 */
public record DatasetSchedule(String dataset, Duration every, CronSchedule cron, Duration offset) {
  /** The largest jitter given to a dataset. */
  public static final Duration MAX_OFFSET = Duration.ofMinutes(1);

  /** Cron expressions of datasets are read in UTC (the spec has no zone for them yet). */
  public static final ZoneId CRON_ZONE = ZoneId.of("UTC");

  private static final Duration SHORTEST_EVERY = Duration.ofMillis(100);

  public DatasetSchedule {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(offset, "offset");
    if ((every == null) == (cron == null)) {
      throw new IllegalArgumentException("a schedule has either an interval or a cron expression");
    }
    if (every != null && every.compareTo(SHORTEST_EVERY) < 0) {
      throw new IllegalArgumentException(
          "dataset " + dataset + ": every must be at least " + SHORTEST_EVERY.toMillis() + "ms");
    }
    if (offset.isNegative()) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }

  /**
   * The schedule a dataset asks for; empty when it sets neither {@code every} nor {@code cron}.
   *
   * @throws dev.nines.pipeline.InvalidCronException when its cron expression cannot be read
   */
  public static Optional<DatasetSchedule> of(DatasetSpec spec) {
    if (spec.every() != null) {
      Duration offset = offsetFor(spec.name(), spec.every());
      return Optional.of(new DatasetSchedule(spec.name(), spec.every(), null, offset));
    }
    if (spec.cron() != null) {
      CronSchedule cron = CronSchedule.parse(spec.cron(), CRON_ZONE);
      // The shortest gap over a day of fires bounds the jitter, so a run never slides into the
      // next.
      Duration interval = cron.shortestInterval(Instant.EPOCH, 24);
      return Optional.of(
          new DatasetSchedule(spec.name(), null, cron, offsetFor(spec.name(), interval)));
    }
    return Optional.empty();
  }

  /** The first tick strictly after {@code after}. */
  public Instant nextAfter(Instant after) {
    if (every != null) {
      long period = every.toMillis();
      long shifted = after.toEpochMilli() - offset.toMillis();
      long next = Math.floorDiv(shifted, period) * period + period;
      return Instant.ofEpochMilli(next + offset.toMillis());
    }
    return cron.nextFire(after.minus(offset)).plus(offset);
  }

  /** A short text that changes whenever the ticks change; kept with the scheduled execution. */
  public String key() {
    return every != null
        ? "every " + every + " +" + offset.toMillis() + "ms"
        : "cron " + cron.expression() + " " + cron.zone().getId() + " +" + offset.toMillis() + "ms";
  }

  /**
   * A stable offset from the dataset's name: the same on every replica and after every restart.
   * String.hashCode is specified by the language, so it does not vary between JVMs.
   */
  static Duration offsetFor(String dataset, Duration interval) {
    long bound = Math.min(interval.toMillis() / 10, MAX_OFFSET.toMillis());
    if (bound <= 0) {
      return Duration.ZERO;
    }
    long mixed = (dataset.hashCode() & 0xffffffffL) * 0x9E3779B97F4A7C15L;
    return Duration.ofMillis(Math.floorMod(mixed ^ (mixed >>> 29), bound));
  }
}
