package dev.nines.source;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** Conversions of values read from databases. */
public final class Values {
  private static final DateTimeFormatter LOCAL_TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
          .toFormatter();

  private Values() {}

  /** Driver-specific time classes become java.time ones; everything else is left as is. */
  static Object normalize(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toOffsetDateTime();
    }
    return value;
  }

  /** A number, or empty when the value is null or not numeric. */
  public static Optional<Double> number(Object value) {
    if (value instanceof Number number) {
      return Optional.of(number.doubleValue());
    }
    if (value instanceof String text) {
      try {
        return Optional.of(Double.parseDouble(text.trim()));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    if (value instanceof Boolean bool) {
      return Optional.of(bool ? 1.0 : 0.0);
    }
    return Optional.empty();
  }

  /**
   * A point in time: zone-less timestamps and dates are read in {@code zone}, numbers are epoch
   * seconds, text is ISO-8601. Empty when the value is none of these.
   */
  public static Optional<Instant> instant(Object value, ZoneId zone) {
    if (value instanceof Instant instant) {
      return Optional.of(instant);
    }
    if (value instanceof OffsetDateTime offset) {
      return Optional.of(offset.toInstant());
    }
    if (value instanceof ZonedDateTime zoned) {
      return Optional.of(zoned.toInstant());
    }
    if (value instanceof LocalDateTime local) {
      return Optional.of(local.atZone(zone).toInstant());
    }
    if (value instanceof LocalDate date) {
      return Optional.of(date.atStartOfDay(zone).toInstant());
    }
    if (value instanceof Timestamp || value instanceof java.sql.Date) {
      return instant(normalize(value), zone);
    }
    if (value instanceof Number number) {
      return Optional.of(Instant.ofEpochMilli(Math.round(number.doubleValue() * 1000)));
    }
    if (value instanceof String text) {
      return parse(text.trim(), zone);
    }
    return Optional.empty();
  }

  private static Optional<Instant> parse(String text, ZoneId zone) {
    try {
      var parsed = LOCAL_TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime offset) {
        return Optional.of(offset.toInstant());
      }
      return Optional.of(((LocalDateTime) parsed).atZone(zone).toInstant());
    } catch (DateTimeParseException notATimestamp) {
      try {
        return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
      } catch (DateTimeParseException notADate) {
        return number(text).map(seconds -> Instant.ofEpochMilli(Math.round(seconds * 1000)));
      }
    }
  }
}
