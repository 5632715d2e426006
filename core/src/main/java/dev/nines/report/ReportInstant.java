package dev.nines.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** The instant a report is made as of ({@code --at}): now by default, or a moment in the past. */
public final class ReportInstant {
  private ReportInstant() {}

  /**
   * An ISO instant with {@code Z} or an offset ({@code 2026-10-20T12:00Z}, {@code
   * 2026-10-20T14:00+02:00}), or a local date-time or date read in {@code zone} ({@code
   * 2026-10-20T12:00}, {@code 2026-10-20} for its midnight), no later than {@code now}.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static Instant parse(String text, ZoneId zone, Instant now) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(zone, "zone");
    String written = text.strip();
    Instant at = read(written, zone);
    if (at.isAfter(now)) {
      throw new IllegalArgumentException(
          "'" + written + "' is in the future: a report can only be made as of now or earlier");
    }
    return at;
  }

  private static Instant read(String written, ZoneId zone) {
    try {
      return ZonedDateTime.parse(written, DateTimeFormatter.ISO_DATE_TIME).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      // no offset: a local date-time or date in the zone
    }
    try {
      return LocalDateTime.parse(written).atZone(zone).toInstant();
    } catch (DateTimeParseException notDateTime) {
      // perhaps a date alone
    }
    try {
      return LocalDate.parse(written).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + written
              + "' is not an instant: write 2026-10-20T12:00Z, 2026-10-20T12:00+02:00, or a"
              + " local date-time (2026-10-20T12:00) or date read in the zone");
    }
  }
}
