package dev.nines.notify;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a digest goes out: once a day at a wall-clock time, written {@code daily 09:00}.
 *
 * @param at the time of day
 * @param zone where that time is read
 */
public record DigestSchedule(LocalTime at, ZoneId zone) {
  private static final Pattern DAILY = Pattern.compile("daily\\s+(\\d{1,2}):(\\d{2})");

  public DigestSchedule {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * Reads {@code daily HH:MM}.
   *
   * @throws IllegalArgumentException with a message for a person when it is not that form
   */
  public static DigestSchedule parse(String text, ZoneId zone) {
    Matcher matcher = DAILY.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a digest time");
    }
    try {
      return new DigestSchedule(
          LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))),
          zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time of day");
    }
  }

  /** The first digest time strictly after {@code after}. */
  public Instant next(Instant after) {
    LocalDate day = LocalDateTime.ofInstant(after, zone).toLocalDate();
    Instant candidate = ZonedDateTime.of(day, at, zone).toInstant();
    while (!candidate.isAfter(after)) {
      day = day.plusDays(1);
      candidate = ZonedDateTime.of(day, at, zone).toInstant();
    }
    return candidate;
  }

  /** {@code daily 09:00}. */
  @Override
  public String toString() {
    return "daily " + at;
  }
}
