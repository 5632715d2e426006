package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.slo.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgeSeriesTest {
  private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  private static final Interval DAY = new Interval(START, START.plus(Duration.ofDays(1)));
  private static final FreshnessBound WITHIN_6H =
      new FreshnessBound("orders", "freshness", "check orders.freshness", Duration.ofHours(6));

  @Test
  void time_above_the_bound_holds_each_observation_until_the_next_and_the_last_to_the_end() {
    List<AgePoint> observed =
        List.of(
            point(0, 1), // fine until 06:00
            point(6, 7), // above from 06:00 to 09:00
            point(9, 2), // fine until 20:00
            point(20, 8)); // above from 20:00 to the end of the day

    AgeSeries series = AgeSeries.of(WITHIN_6H, observed, DAY, AgeSeries.MAX_POINTS);

    assertThat(series.timeAbove()).isEqualTo(Duration.ofHours(3 + 4));
    assertThat(series.maxAge()).isEqualTo(Duration.ofHours(8));
    assertThat(series.observations()).isEqualTo(4);
    assertThat(series.points()).containsExactlyElementsOf(observed);
  }

  @Test
  void an_age_equal_to_the_bound_is_not_above_it_and_observations_outside_the_span_are_left_out() {
    List<AgePoint> observed =
        List.of(
            new AgePoint(START.minusSeconds(60), 99 * 3600),
            point(3, 6),
            new AgePoint(DAY.end(), 99 * 3600));

    AgeSeries series = AgeSeries.of(WITHIN_6H, observed, DAY, AgeSeries.MAX_POINTS);

    assertThat(series.timeAbove()).isZero();
    assertThat(series.maxAge()).isEqualTo(Duration.ofHours(6));
    assertThat(series.points()).containsExactly(point(3, 6));
  }

  @Test
  void without_observations_there_is_no_max_age_and_no_time_above() {
    AgeSeries series = AgeSeries.of(WITHIN_6H, List.of(), DAY, AgeSeries.MAX_POINTS);

    assertThat(series.maxAge()).isNull();
    assertThat(series.timeAbove()).isZero();
    assertThat(series.points()).isEmpty();
  }

  @Test
  void a_long_series_keeps_the_largest_age_of_each_time_slot_and_never_more_points_than_asked() {
    List<AgePoint> observed = new ArrayList<>();
    // one observation a minute for a day, 1,440 of them, the age a sawtooth of 0..59 minutes
    // except one spike of 10 hours at 13:37
    for (int minute = 0; minute < 1440; minute++) {
      long age = minute == 13 * 60 + 37 ? 36_000 : (minute % 60) * 60L;
      observed.add(new AgePoint(START.plus(Duration.ofMinutes(minute)), age));
    }

    AgeSeries series = AgeSeries.of(WITHIN_6H, observed, DAY, 24);

    // 24 slots of an hour: the largest of each is its 59th minute, or the spike
    assertThat(series.points()).hasSize(24);
    assertThat(series.points().get(0)).isEqualTo(new AgePoint(START.plusSeconds(59 * 60), 3540));
    assertThat(series.points().get(13))
        .isEqualTo(new AgePoint(START.plus(Duration.ofMinutes(13 * 60 + 37)), 36_000));
    assertThat(series.maxAge()).isEqualTo(Duration.ofHours(10));
    assertThat(series.observations()).isEqualTo(1440);
    // measured on every observation, not on the kept points: one minute above 6h
    assertThat(series.timeAbove()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a_series_asked_for_no_point_is_refused() {
    assertThatThrownBy(() -> AgeSeries.of(WITHIN_6H, List.of(), DAY, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPoints");
  }

  private static AgePoint point(int hour, int ageHours) {
    return new AgePoint(START.plus(Duration.ofHours(hour)), ageHours * 3600L);
  }
}
