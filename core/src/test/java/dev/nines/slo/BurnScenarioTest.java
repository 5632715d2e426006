package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end: minute slices recorded into the bucket aggregate, evaluated by the workbook rules.
 */
class BurnScenarioTest {
  private static final Instant NOW = Instant.parse("2026-10-31T12:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final SloTarget TARGET =
      new SloTarget(
          Objective.parse("99.9%"),
          new RollingWindow(Duration.ofDays(30)),
          BudgetingMethod.TIMESLICES,
          MINUTE,
          NoDataPolicy.BAD);

  private static SloStatus evaluate(List<Duration> badMinutesAgo) {
    SliBuckets buckets = new SliBuckets(Duration.ofHours(6), Duration.ofDays(34), MINUTE);
    for (Instant at = NOW.minus(Duration.ofDays(33)); at.isBefore(NOW); at = at.plus(MINUTE)) {
      Instant slice = at;
      boolean bad = badMinutesAgo.stream().anyMatch(ago -> NOW.minus(ago).equals(slice));
      buckets.record(at, bad ? 0 : 1, bad ? 1 : 0);
    }
    return new SloEvaluator(Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(TARGET, buckets);
  }

  @Test
  void one_bad_minute_in_the_last_five_pages() {
    SloStatus status = evaluate(List.of(Duration.ofMinutes(3)));

    // 1h: 1/60 bad = 16.7x; 5m: 1/5 = 200x; both above 14.4
    assertThat(status.alert().level()).isEqualTo(AlertLevel.PAGE);
    assertThat(status.alert().fired().orElseThrow().longWindow()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void a_slow_burn_over_the_day_opens_a_ticket_and_does_not_page() {
    SloStatus status =
        evaluate(
            List.of(
                Duration.ofMinutes(90),
                Duration.ofHours(5),
                Duration.ofHours(10),
                Duration.ofHours(15),
                Duration.ofHours(20)));

    // 1d: 5/1440 = 3.47x and 2h: 1/120 = 8.3x reach 3x; 6h: 2/360 = 5.6x stays under 6x
    assertThat(status.alert().level()).isEqualTo(AlertLevel.TICKET);
    assertThat(status.alert().fired().orElseThrow().longWindow()).isEqualTo(Duration.ofDays(1));
    assertThat(status.budget().spentTime()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void the_same_bad_minutes_long_ago_alert_nobody() {
    SloStatus status = evaluate(List.of(Duration.ofDays(10), Duration.ofDays(11)));

    assertThat(status.alert().level()).isEqualTo(AlertLevel.NONE);
    assertThat(status.budget().spentTime()).isEqualTo(Duration.ofMinutes(2));
  }
}
