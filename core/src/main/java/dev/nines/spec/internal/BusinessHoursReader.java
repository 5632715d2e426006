package dev.nines.spec.internal;

import dev.nines.notify.BusinessHours;
import dev.nines.spec.Problems;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code business_hours: { zone, days: MON-FRI, hours: "09:00-17:00" }}. */
final class BusinessHoursReader {
  private static final Pattern HOURS =
      Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");
  private static final List<String> DAY_NAMES =
      List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private final Fields fields;
  private final Problems problems;

  BusinessHoursReader(Fields fields) {
    this.fields = fields;
    this.problems = fields.problems();
  }

  /** The hours, with {@code defaults} for what is not written; null after reporting. */
  BusinessHours read(Located value, BusinessHours defaults) {
    if (!fields.map(value, "a map with zone, days and hours")) {
      return null;
    }
    fields.rejectUnknownKeys(value, NotifyKeys.BUSINESS_HOURS, "business_hours");
    ZoneId zone =
        value.child("zone").isAbsent() ? defaults.zone() : fields.zone(value.child("zone"));
    Set<DayOfWeek> days =
        value.child("days").isAbsent() ? defaults.days() : days(value.child("days"));
    LocalTime[] hours =
        value.child("hours").isAbsent()
            ? new LocalTime[] {defaults.start(), defaults.end()}
            : hours(value.child("hours"));
    if (zone == null || days == null || hours == null) {
      return null;
    }
    return new BusinessHours(zone, days, hours[0], hours[1]);
  }

  private Set<DayOfWeek> days(Located value) {
    List<String> parts =
        value.node().isArray()
            ? fields.textList(value)
            : List.of(String.valueOf(fields.text(value)).split(","));
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : parts) {
      String[] range = part.strip().toUpperCase(Locale.ROOT).split("\\s*-\\s*");
      int from = DAY_NAMES.indexOf(range[0]);
      int to = range.length == 2 ? DAY_NAMES.indexOf(range[1]) : from;
      if (range.length > 2 || from < 0 || to < 0 || to < from) {
        problems.add(
            value.location(),
            value.field(),
            "'" + part.strip() + "' is not a day or range of days",
            "write MON-FRI, or days such as MON,WED,FRI (MON TUE WED THU FRI SAT SUN)");
        return null;
      }
      for (int day = from; day <= to; day++) {
        days.add(DayOfWeek.of(day + 1));
      }
    }
    if (days.isEmpty()) {
      problems.add(value.location(), value.field(), "must name at least one day");
      return null;
    }
    return days;
  }

  private LocalTime[] hours(Located value) {
    String text = fields.text(value);
    if (text == null) {
      return null;
    }
    Matcher matcher = HOURS.matcher(text);
    try {
      if (matcher.matches()) {
        LocalTime start = LocalTime.parse(pad(matcher.group(1)));
        LocalTime end = LocalTime.parse(pad(matcher.group(2)));
        if (end.isAfter(start)) {
          return new LocalTime[] {start, end};
        }
      }
    } catch (DateTimeException e) {
      // reported below
    }
    problems.add(
        value.location(),
        value.field(),
        "'" + text + "' is not a span of working hours",
        "write \"09:00-17:00\" (quoted), the end after the start, within one day");
    return null;
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }
}
