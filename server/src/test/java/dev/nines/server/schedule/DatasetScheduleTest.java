package dev.nines.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.pipeline.InvalidCronException;
import dev.nines.spec.DatasetSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetScheduleTest {
  private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void a_dataset_without_every_or_cron_is_not_scheduled() {
    assertThat(DatasetSchedule.of(dataset("orders", null, null))).isEmpty();
  }

  @Test
  void interval_ticks_are_the_interval_apart_and_shifted_by_the_dataset_offset() {
    DatasetSchedule schedule = DatasetSchedule.of(dataset("orders", "15m", null)).orElseThrow();
    Duration offset = schedule.offset();

    Instant first = schedule.nextAfter(NOON);
    Instant second = schedule.nextAfter(first);

    assertThat(first).isEqualTo(NOON.plus(offset));
    assertThat(Duration.between(first, second)).isEqualTo(Duration.ofMinutes(15));
    assertThat(schedule.nextAfter(first.minusMillis(1))).isEqualTo(first);
  }

  @Test
  void ticks_are_aligned_to_the_epoch_so_replicas_and_restarts_agree_on_them() {
    DatasetSchedule schedule = DatasetSchedule.of(dataset("orders", "15m", null)).orElseThrow();
    long period = Duration.ofMinutes(15).toMillis();

    for (Instant asked : List.of(NOON.plusSeconds(1), NOON.plusSeconds(401), NOON.plusMillis(7))) {
      Instant tick = schedule.nextAfter(asked);
      assertThat(tick).isAfter(asked);
      assertThat(Duration.between(asked, tick)).isLessThanOrEqualTo(Duration.ofMinutes(15));
      assertThat((tick.toEpochMilli() - schedule.offset().toMillis()) % period).isZero();
    }
  }

  @Test
  void the_offset_is_within_a_tenth_of_the_interval_and_at_most_a_minute() {
    for (int i = 0; i < 200; i++) {
      String name = "dataset_" + i;
      assertThat(DatasetSchedule.offsetFor(name, Duration.ofSeconds(30)))
          .isBetween(Duration.ZERO, Duration.ofMillis(2_999));
      assertThat(DatasetSchedule.offsetFor(name, Duration.ofDays(1)))
          .isBetween(Duration.ZERO, Duration.ofMillis(59_999));
    }
  }

  @Test
  void datasets_of_one_interval_start_at_different_moments() {
    Set<Duration> offsets = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      offsets.add(DatasetSchedule.offsetFor("table_" + i, Duration.ofMinutes(15)));
    }
    assertThat(offsets).hasSizeGreaterThan(15);
  }

  @Test
  void the_offset_of_a_dataset_is_the_same_every_time() {
    assertThat(DatasetSchedule.offsetFor("orders", Duration.ofHours(1)))
        .isEqualTo(DatasetSchedule.offsetFor("orders", Duration.ofHours(1)));
  }

  @Test
  void cron_ticks_follow_the_expression_in_utc_shifted_by_the_offset() {
    DatasetSchedule schedule =
        DatasetSchedule.of(dataset("orders", null, "0 2 * * *")).orElseThrow();

    Instant first = schedule.nextAfter(NOON);

    assertThat(first).isEqualTo(Instant.parse("2026-03-02T02:00:00Z").plus(schedule.offset()));
    assertThat(schedule.offset()).isBetween(Duration.ZERO, Duration.ofMillis(59_999));
    assertThat(schedule.nextAfter(first)).isEqualTo(first.plus(Duration.ofDays(1)));
  }

  @Test
  void a_cron_tick_is_not_skipped_when_asked_between_the_fire_and_its_offset() {
    DatasetSchedule schedule =
        DatasetSchedule.of(dataset("sales", null, "*/5 * * * *")).orElseThrow();
    assertThat(schedule.offset()).isPositive();
    Instant fire = Instant.parse("2026-03-01T12:05:00Z");

    assertThat(schedule.nextAfter(fire)).isEqualTo(fire.plus(schedule.offset()));
  }

  @Test
  void the_key_changes_with_the_schedule() {
    String every = DatasetSchedule.of(dataset("orders", "15m", null)).orElseThrow().key();
    String everyHour = DatasetSchedule.of(dataset("orders", "1h", null)).orElseThrow().key();
    String cron = DatasetSchedule.of(dataset("orders", null, "0 * * * *")).orElseThrow().key();

    assertThat(List.of(every, everyHour, cron)).doesNotHaveDuplicates();
    assertThat(every).startsWith("every PT15M");
    assertThat(cron).startsWith("cron 0 * * * * UTC");
  }

  @Test
  void an_unreadable_cron_expression_is_refused_naming_the_field() {
    assertThatThrownBy(() -> DatasetSchedule.of(dataset("orders", null, "61 * * * *")))
        .isInstanceOf(InvalidCronException.class)
        .hasMessageContaining("61");
  }

  private static DatasetSpec dataset(String name, String every, String cron) {
    return new DatasetSpec(
        name,
        "warehouse",
        "orders",
        null,
        null,
        null,
        List.of(),
        null,
        every == null ? null : dev.nines.spec.Values.duration(every),
        cron,
        null,
        List.of(),
        null);
  }
}
