package dev.nines.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {
  private static final BusinessHours DENVER =
      new BusinessHours(
          ZoneId.of("America/Denver"),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // Wednesday 11:00 Denver (MST, UTC-7) is working time: no wait
    "2026-01-07T18:00:00Z, 2026-01-07T18:00:00Z",
    // Wednesday 17:00 Denver is closed: Thursday 09:00 MST
    "2026-01-08T00:00:00Z, 2026-01-08T16:00:00Z",
    // Friday 20:00 Denver waits for Monday 09:00
    "2026-01-10T03:00:00Z, 2026-01-12T16:00:00Z",
    // Monday 06:00 Denver waits for 09:00 the same day
    "2026-01-12T13:00:00Z, 2026-01-12T16:00:00Z",
    // Saturday night before the spring-forward Sunday (2026-03-08): Monday 09:00 is MDT, UTC-6
    "2026-03-08T05:00:00Z, 2026-03-09T15:00:00Z",
    // Friday evening before the fall-back Sunday (2026-11-01): Monday 09:00 is MST again, UTC-7
    "2026-10-31T01:00:00Z, 2026-11-02T16:00:00Z"
  })
  void an_alert_outside_working_hours_waits_for_the_next_working_moment_in_the_zone(
      Instant at, Instant expected) {
    assertThat(DENVER.nextWorkingMoment(at)).isEqualTo(expected);
    assertThat(DENVER.isWorking(expected)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-03-02T08:59:00Z, 2026-03-02T09:00:00Z",
    "2026-03-02T09:00:00Z, 2026-03-03T09:00:00Z",
    "2026-03-02T23:30:00Z, 2026-03-03T09:00:00Z"
  })
  void a_daily_digest_goes_out_at_the_next_digest_time(Instant after, Instant expected) {
    DigestSchedule digest = DigestSchedule.parse("daily 09:00", ZoneId.of("UTC"));
    assertThat(digest.next(after)).isEqualTo(expected);
  }
}
