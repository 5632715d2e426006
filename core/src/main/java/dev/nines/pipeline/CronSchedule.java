package dev.nines.pipeline;

import dev.nines.pipeline.internal.LocalCron;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}, or one of {@code
 * @hourly @daily @midnight @weekly @monthly @yearly @annually}) read in a time zone.
 *
 * <p>As in Vixie cron, when both day fields are restricted a day matching either one fires.
 *
 * <p>Daylight saving time: every matching wall-clock time is turned into an instant as follows. A
 * time that falls in a spring-forward gap is moved forward by the length of the gap (a 02:30 job
 * fires at 03:30 on that day, so a daily job keeps one fire a day). A time that occurs twice on an
 * autumn-back day fires once, at its first occurrence (the earlier offset). Wall-clock times that
 * land on the same instant fire once.
 */
public final class CronSchedule {
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  // no time zone moves its clocks by more than this in one transition
  private static final long TRANSITION_WINDOW_HOURS = 3;

  private final String expression;
  private final ZoneId zone;
  private final LocalCron fields;

  private CronSchedule(String expression, ZoneId zone, LocalCron fields) {
    this.expression = expression;
    this.zone = zone;
    this.fields = fields;
  }

  /**
   * Reads an expression.
   *
   * @throws InvalidCronException naming the cron field at fault; its message says what is wrong
   *     without repeating the expression
   */
  public static CronSchedule parse(String expression, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    String trimmed = expression == null ? "" : expression.strip();
    if (trimmed.startsWith("@")) {
      String expanded = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
      if (expanded == null) {
        throw new InvalidCronException(
            null, "unknown shortcut '" + trimmed + "' (use @hourly, @daily, @weekly or @monthly)");
      }
      return new CronSchedule(trimmed, zone, LocalCron.parse(expanded));
    }
    return new CronSchedule(trimmed, zone, LocalCron.parse(trimmed));
  }

  /** The expression as written (trimmed). */
  public String expression() {
    return expression;
  }

  /** The time zone its wall-clock times are read in. */
  public ZoneId zone() {
    return zone;
  }

  /** The first fire strictly after {@code after}. */
  public Instant nextFire(Instant after) {
    LocalDateTime start = localOf(after).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDateTime local = fields.nextAt(start);
    if (local != null) {
      Instant fire = resolve(local);
      ZoneOffsetTransition transition =
          zone.getRules().nextTransition(after.minus(TRANSITION_WINDOW_HOURS, ChronoUnit.HOURS));
      if (transition == null
          || transition
              .getInstant()
              .isAfter(fire.plus(TRANSITION_WINDOW_HOURS, ChronoUnit.HOURS))) {
        return fire; // no clock change nearby: wall-clock order is instant order
      }
    }
    return nextFireAcrossTransitions(after);
  }

  private Instant nextFireAcrossTransitions(Instant after) {
    LocalDateTime cursor =
        localOf(after).truncatedTo(ChronoUnit.MINUTES).minusHours(TRANSITION_WINDOW_HOURS);
    Instant best = null;
    while (true) {
      LocalDateTime local = fields.nextAt(cursor);
      if (local == null) {
        throw new IllegalStateException("no fire after " + after + " for " + this);
      }
      if (best != null && local.isAfter(localOf(best).plusHours(2 * TRANSITION_WINDOW_HOURS))) {
        return best;
      }
      Instant fire = resolve(local);
      if (fire.isAfter(after) && (best == null || fire.isBefore(best))) {
        best = fire;
      }
      cursor = local.plusMinutes(1);
    }
  }

  /** The last fire at or before {@code atOrBefore}. */
  public Instant previousFire(Instant atOrBefore) {
    LocalDateTime local = fields.previousAt(localOf(atOrBefore).truncatedTo(ChronoUnit.MINUTES));
    if (local != null) {
      Instant fire = resolve(local);
      ZoneOffsetTransition transition =
          zone.getRules()
              .previousTransition(atOrBefore.plus(TRANSITION_WINDOW_HOURS, ChronoUnit.HOURS));
      if (transition == null
          || transition
              .getInstant()
              .isBefore(fire.minus(TRANSITION_WINDOW_HOURS, ChronoUnit.HOURS))) {
        return fire;
      }
    }
    return previousFireAcrossTransitions(atOrBefore);
  }

  private Instant previousFireAcrossTransitions(Instant atOrBefore) {
    LocalDateTime cursor =
        localOf(atOrBefore).truncatedTo(ChronoUnit.MINUTES).plusHours(TRANSITION_WINDOW_HOURS);
    Instant best = null;
    while (true) {
      LocalDateTime local = fields.previousAt(cursor);
      if (local == null) {
        throw new IllegalStateException("no fire before " + atOrBefore + " for " + this);
      }
      if (best != null && local.isBefore(localOf(best).minusHours(2 * TRANSITION_WINDOW_HOURS))) {
        return best;
      }
      Instant fire = resolve(local);
      if (!fire.isAfter(atOrBefore) && (best == null || fire.isAfter(best))) {
        best = fire;
      }
      cursor = local.minusMinutes(1);
    }
  }

  /**
   * The shortest time between two fires among the {@code fires} fires after {@code from}, e.g. one
   * hour for {@code @hourly}; a spring-forward day may shorten it.
   */
  public Duration shortestInterval(Instant from, int fires) {
    Instant previous = nextFire(from);
    Duration shortest = null;
    for (int count = 1; count < fires; count++) {
      Instant next = nextFire(previous);
      Duration interval = Duration.between(previous, next);
      if (shortest == null || interval.compareTo(shortest) < 0) {
        shortest = interval;
      }
      previous = next;
    }
    return shortest;
  }

  private LocalDateTime localOf(Instant instant) {
    return instant.atZone(zone).toLocalDateTime();
  }

  private Instant resolve(LocalDateTime local) {
    // ofLocal moves a time in a gap forward by the gap and picks the earlier offset in an overlap
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule that
        && expression.equals(that.expression)
        && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression, zone);
  }

  @Override
  public String toString() {
    return "\"" + expression + "\" in " + zone;
  }
}
