package dev.nines.pipeline.internal;

import dev.nines.pipeline.InvalidCronException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;

/** The five parsed fields of a cron expression and the search for matching wall-clock times. */
public final class LocalCron {
  private static final List<String> FIELD_NAMES =
      List.of("minute", "hour", "day-of-month", "month", "day-of-week");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> WEEKDAYS =
      List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  // a schedule such as "0 0 29 2 *" fires once in four years (eight across a skipped leap year)
  private static final int SEARCH_YEARS = 9;

  private final CronField minute;
  private final CronField hour;
  private final CronField dayOfMonth;
  private final CronField month;
  private final CronField dayOfWeek;

  private LocalCron(
      CronField minute,
      CronField hour,
      CronField dayOfMonth,
      CronField month,
      CronField dayOfWeek) {
    this.minute = minute;
    this.hour = hour;
    this.dayOfMonth = dayOfMonth;
    this.month = month;
    this.dayOfWeek = dayOfWeek;
  }

  /** Reads five space-separated fields. */
  public static LocalCron parse(String expression) {
    String[] parts = expression.isBlank() ? new String[0] : expression.split("\\s+");
    if (parts.length != 5) {
      throw new InvalidCronException(
          null,
          "it has "
              + parts.length
              + " field"
              + (parts.length == 1 ? "" : "s")
              + ", a cron schedule has five: minute hour day-of-month month day-of-week");
    }
    CronField weekdays = CronField.parse(parts[4], FIELD_NAMES.get(4), 0, 7, WEEKDAYS);
    LocalCron cron =
        new LocalCron(
            CronField.parse(parts[0], FIELD_NAMES.get(0), 0, 59, List.of()),
            CronField.parse(parts[1], FIELD_NAMES.get(1), 0, 23, List.of()),
            CronField.parse(parts[2], FIELD_NAMES.get(2), 1, 31, List.of()),
            CronField.parse(parts[3], FIELD_NAMES.get(3), 1, 12, MONTHS),
            sundayAsZero(weekdays));
    cron.requireSomeDay();
    return cron;
  }

  /** A field by position (0 = minute ... 4 = day-of-week). */
  public CronField field(int index) {
    return List.of(minute, hour, dayOfMonth, month, dayOfWeek).get(index);
  }

  /** The first matching wall-clock time at or after {@code from} (whole minutes), or null. */
  public LocalDateTime nextAt(LocalDateTime from) {
    LocalDateTime time = from.truncatedTo(ChronoUnit.MINUTES);
    if (time.isBefore(from)) {
      time = time.plusMinutes(1);
    }
    int lastYear = from.getYear() + SEARCH_YEARS;
    while (time.getYear() <= lastYear) {
      if (!month.allows(time.getMonthValue())) {
        time = time.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
      } else if (!dayMatches(time.toLocalDate())) {
        time = time.toLocalDate().plusDays(1).atStartOfDay();
      } else if (!hour.allows(time.getHour())) {
        int next = hour.nextAllowed(time.getHour());
        time =
            next < 0
                ? time.toLocalDate().plusDays(1).atStartOfDay()
                : time.toLocalDate().atTime(next, 0);
      } else {
        int next = minute.nextAllowed(time.getMinute());
        if (next >= 0) {
          return time.withMinute(next);
        }
        time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      }
    }
    return null;
  }

  /** The last matching wall-clock time at or before {@code from} (whole minutes), or null. */
  public LocalDateTime previousAt(LocalDateTime from) {
    LocalDateTime time = from.truncatedTo(ChronoUnit.MINUTES);
    int firstYear = from.getYear() - SEARCH_YEARS;
    while (time.getYear() >= firstYear) {
      if (!month.allows(time.getMonthValue())) {
        time = time.toLocalDate().withDayOfMonth(1).atStartOfDay().minusMinutes(1);
      } else if (!dayMatches(time.toLocalDate())) {
        time = time.toLocalDate().atStartOfDay().minusMinutes(1);
      } else if (!hour.allows(time.getHour())) {
        int previous = hour.previousAllowed(time.getHour());
        time =
            previous < 0
                ? time.toLocalDate().atStartOfDay().minusMinutes(1)
                : time.toLocalDate().atTime(previous, 59);
      } else {
        int previous = minute.previousAllowed(time.getMinute());
        if (previous >= 0) {
          return time.withMinute(previous);
        }
        time = time.truncatedTo(ChronoUnit.HOURS).minusMinutes(1);
      }
    }
    return null;
  }

  private boolean dayMatches(LocalDate date) {
    boolean byMonthDay = dayOfMonth.allows(date.getDayOfMonth());
    boolean byWeekday = dayOfWeek.allows(date.getDayOfWeek().getValue() % 7);
    if (dayOfMonth.wildcard() || dayOfWeek.wildcard()) {
      return byMonthDay && byWeekday;
    }
    return byMonthDay || byWeekday;
  }

  private void requireSomeDay() {
    if (!dayOfWeek.wildcard() && !dayOfMonth.wildcard()) {
      return; // either day field may fire
    }
    for (int value = month.first(); value >= 0; value = month.nextAllowed(value + 1)) {
      if (dayOfMonth.first() <= Month.of(value).maxLength()) {
        return;
      }
    }
    throw new InvalidCronException(
        "day-of-month", "it never fires: no month it names has day " + dayOfMonth.first());
  }

  private static CronField sundayAsZero(CronField weekdays) {
    BitSet values = (BitSet) weekdays.values().clone();
    if (values.get(7)) {
      values.set(0);
      values.clear(7);
    }
    return new CronField(weekdays.name(), 0, 6, values, weekdays.wildcard());
  }
}
