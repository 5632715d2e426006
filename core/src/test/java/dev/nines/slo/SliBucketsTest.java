package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SliBucketsTest {
  private static final Instant NOW = Instant.parse("2026-10-31T12:34:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void window_sums_match_the_raw_list_for_every_lookback() {
    SliBuckets buckets = new SliBuckets(Duration.ofHours(6), Duration.ofDays(33), null);
    ListSeries raw = new ListSeries(null);
    Random random = new Random(7);
    for (Instant at = NOW.minus(Duration.ofDays(30)); at.isBefore(NOW); at = at.plus(MINUTE)) {
      long good = random.nextInt(5);
      long bad = random.nextInt(100) < 3 ? 1 : 0;
      buckets.record(at.plusSeconds(random.nextInt(60)), good, bad);
      raw.add(at, good, bad);
    }

    for (Duration lookback : SloEvaluator.LOOKBACKS) {
      Interval span = Interval.ending(NOW, lookback);
      Interval covered = buckets.covered(span);
      assertThat(buckets.tally(span)).as(lookback.toString()).isEqualTo(raw.tally(covered));
    }
    // minute-exact within the minute ring
    assertThat(buckets.covered(Interval.ending(NOW, Duration.ofHours(6))))
        .isEqualTo(Interval.ending(NOW, Duration.ofHours(6)));
  }

  @Test
  void restoring_saved_buckets_in_any_order_gives_the_sums_of_restoring_them_oldest_first() {
    // minutes over 8 hours for a 6-hour ring and hours over 40 days for a 33-day one: some of the
    // saved buckets are too old for their ring, as a store's copy may hold before it forgets them
    List<long[]> saved = new ArrayList<>();
    Random random = new Random(11);
    long nowMinute = NOW.getEpochSecond() / 60;
    for (long minute = nowMinute - 8 * 60; minute < nowMinute; minute++) {
      saved.add(new long[] {60, minute, random.nextInt(5), random.nextInt(100) < 5 ? 1 : 0});
    }
    long nowHour = NOW.getEpochSecond() / 3600;
    for (long hour = nowHour - 40 * 24; hour < nowHour; hour++) {
      saved.add(new long[] {3600, hour, random.nextInt(300), random.nextInt(100) < 5 ? 2 : 0});
    }
    List<long[]> shuffled = new ArrayList<>(saved);
    Collections.shuffle(shuffled, new Random(3));

    SliBuckets oldestFirst = restored(saved);
    SliBuckets anyOrder = restored(shuffled);

    for (Duration lookback :
        List.of(
            Duration.ofMinutes(5),
            Duration.ofHours(1),
            Duration.ofHours(6),
            Duration.ofDays(3),
            Duration.ofDays(30),
            Duration.ofDays(33))) {
      Interval span = Interval.ending(NOW.plus(MINUTE), lookback);
      assertThat(anyOrder.tally(span)).as(lookback.toString()).isEqualTo(oldestFirst.tally(span));
      assertThat(anyOrder.covered(span)).isEqualTo(oldestFirst.covered(span));
    }
    assertThat(oldestFirst.tally(Interval.ending(NOW.plus(MINUTE), Duration.ofDays(30))).bad())
        .isPositive();
  }

  private static SliBuckets restored(List<long[]> saved) {
    SliBuckets buckets = new SliBuckets(Duration.ofHours(6), Duration.ofDays(33), null);
    for (long[] bucket : saved) {
      buckets.restore(
          Duration.ofSeconds(bucket[0]),
          Instant.ofEpochSecond(bucket[0] * bucket[1]),
          bucket[2],
          bucket[3]);
    }
    return buckets;
  }

  @Test
  void an_edge_older_than_the_minute_ring_starts_on_its_hour() {
    SliBuckets buckets = new SliBuckets(Duration.ofHours(6), Duration.ofDays(33), null);
    buckets.record(NOW, 1, 0);

    Interval covered = buckets.covered(Interval.ending(NOW, Duration.ofDays(1)));

    assertThat(covered.start()).isEqualTo(Instant.parse("2026-10-30T12:00:00Z"));
    assertThat(covered.end()).isEqualTo(NOW);
  }

  @Test
  void reused_slots_forget_what_they_held_and_too_old_counts_are_refused() {
    SliBuckets buckets = new SliBuckets(Duration.ofHours(1), Duration.ofHours(2), null);
    buckets.record(NOW.minus(Duration.ofHours(5)), 0, 7);
    buckets.record(NOW, 3, 0);

    assertThat(buckets.tally(Interval.ending(NOW.plus(MINUTE), Duration.ofHours(2))))
        .isEqualTo(new Tally(3, 0, 0));
    assertThat(buckets.record(NOW.minus(Duration.ofHours(4)), 0, 1)).isFalse();
    // behind the minute ring but inside the hours: kept at hour resolution
    assertThat(buckets.record(NOW.minus(Duration.ofMinutes(90)), 0, 2)).isTrue();
    assertThat(buckets.tally(Interval.ending(NOW.plus(MINUTE), Duration.ofHours(2))).bad())
        .isEqualTo(2);
  }

  @Test
  void time_slice_buckets_report_minutes_without_data() {
    SliBuckets buckets = new SliBuckets(Duration.ofHours(6), Duration.ofDays(2), MINUTE);
    for (Instant at = NOW.minus(Duration.ofHours(1)); at.isBefore(NOW); at = at.plus(MINUTE)) {
      if (!at.isBefore(NOW.minus(Duration.ofMinutes(10)))) {
        continue; // the last 10 minutes have no data
      }
      buckets.record(at, 1, 0);
    }

    assertThat(buckets.tally(Interval.ending(NOW, Duration.ofHours(1))))
        .isEqualTo(new Tally(50, 0, 10));
  }
}
