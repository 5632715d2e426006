package dev.nines.notify;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The working week of a team: the days and the hours of each day, in a time zone. SEV2 and SEV3
 * notifications outside of it wait for {@link #nextWorkingMoment}.
 *
 * @param zone where the hours are read, e.g. {@code America/Denver}
 * @param days the working days
 * @param start when a working day starts (inclusive)
 * @param end when it ends (exclusive); after {@code start}
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
  /** Monday to Friday, 09:00 to 17:00 UTC. */
  public static final BusinessHours DEFAULT =
      new BusinessHours(
          ZoneId.of("UTC"),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));

  public BusinessHours {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("business hours need at least one working day");
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("business hours must end after they start");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /** Whether {@code at} falls in working hours. */
  public boolean isWorking(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }

  /** {@code at} itself when it is in working hours, else the start of the next working day. */
  public Instant nextWorkingMoment(Instant at) {
    if (isWorking(at)) {
      return at;
    }
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalDate day = local.toLocalDate();
    if (!local.toLocalTime().isBefore(start)) {
      day = day.plusDays(1);
    }
    while (!days.contains(day.getDayOfWeek())) {
      day = day.plusDays(1);
    }
    // ZonedDateTime moves a start that falls in a spring-forward gap to the first valid time
    Instant opening = ZonedDateTime.of(day, start, zone).toInstant();
    return opening.isBefore(at) ? at : opening;
  }
}
