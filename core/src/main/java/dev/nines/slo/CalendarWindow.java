package dev.nines.slo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A window that follows the calendar in a time zone: this week, month or quarter. Periods start at
 * local midnight, so a month with a daylight saving change is an hour shorter or longer (March 2026
 * in Europe/Paris lasts 743 hours, October 745).
 */
public record CalendarWindow(CalendarPeriod period, ZoneId zone) implements SloWindow {
  public CalendarWindow {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
  }

  @Override
  public Interval at(Instant now) {
    LocalDate first = period.firstDay(LocalDate.ofInstant(now, zone));
    // atStartOfDay(zone) moves to the first valid time when midnight falls in a DST gap
    return new Interval(
        first.atStartOfDay(zone).toInstant(), period.next(first).atStartOfDay(zone).toInstant());
  }

  @Override
  public String describe() {
    return period.word() + " in " + zone.getId();
  }
}
