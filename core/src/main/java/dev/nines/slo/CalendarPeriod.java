package dev.nines.slo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The calendar periods an SLO window can follow; weeks start on Monday (ISO). */
public enum CalendarPeriod {
  WEEK,
  MONTH,
  QUARTER;

  /** The first day of the period that holds {@code day}. */
  LocalDate firstDay(LocalDate day) {
    return switch (this) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    };
  }

  /** The first day of the next period, given the first day of one. */
  LocalDate next(LocalDate firstDay) {
    return switch (this) {
      case WEEK -> firstDay.plusWeeks(1);
      case MONTH -> firstDay.plusMonths(1);
      case QUARTER -> firstDay.plusMonths(3);
    };
  }

  /** The spec's word for it. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
