package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessTimelineTest {
  private static final Duration MAX_AGE = Duration.ofHours(24);
  private static final Duration MAX_GAP = Duration.ofHours(1);

  private static Instant at(String time) {
    return Instant.parse("2026-10-" + time + ":00Z");
  }

  private static FreshnessSample sample(String observed, String loaded) {
    return new FreshnessSample(at(observed), at(loaded));
  }

  private static Interval span(String from, String to) {
    return new Interval(at(from), at(to));
  }

  @Test
  void staleness_starts_exactly_at_load_plus_max_age_and_ends_at_the_next_load() {
    // loads at 02:00 on the 1st and 04:37 on the 2nd, sampled every 15 minutes
    List<FreshnessSample> samples = new java.util.ArrayList<>();
    for (Instant observed = at("01T02:00");
        !observed.isAfter(at("02T06:00"));
        observed = observed.plus(Duration.ofMinutes(15))) {
      Instant newest = observed.isBefore(at("02T04:37")) ? at("01T02:00") : at("02T04:37");
      samples.add(new FreshnessSample(observed, newest));
    }
    FreshnessTime time =
        new FreshnessTimeline(samples, MAX_AGE, MAX_GAP).over(span("01T06:00", "02T06:00"));

    // stale from 02:00 on the 2nd (24h after the load) to the load at 04:37: 2h37m, to the minute
    assertThat(time.stale()).containsExactly(span("02T02:00", "02T04:37"));
    assertThat(time.staleTime()).isEqualTo(Duration.ofMinutes(157));
    assertThat(time.unknown()).isEmpty();
    assertThat(time.goodTime()).isEqualTo(Duration.ofHours(24).minusMinutes(157));
    assertThat(time.tally().bad()).isEqualTo(Duration.ofMinutes(157).toMillis());
  }

  @Test
  void the_time_over_a_span_is_the_sum_over_its_parts_wherever_the_span_is_cut() {
    // random loads and samples over ten days; each span is cut at random points and the stale and
    // unknown time of the parts must add up to the whole's (no sample skipped at a cut)
    java.util.Random random = new java.util.Random(20261126);
    for (int round = 0; round < 200; round++) {
      List<FreshnessSample> samples = new java.util.ArrayList<>();
      Instant observed = at("01T00:00");
      Instant newest = observed.minus(Duration.ofHours(random.nextInt(30)));
      for (int index = 0; index < 40 + random.nextInt(200); index++) {
        observed = observed.plus(Duration.ofMinutes(1 + random.nextInt(600)));
        if (random.nextInt(3) == 0) {
          newest = observed.minus(Duration.ofMinutes(random.nextInt(120)));
        }
        samples.add(new FreshnessSample(observed, newest));
      }
      FreshnessTimeline timeline = new FreshnessTimeline(samples, MAX_AGE, MAX_GAP);
      Instant start = at("01T00:00").minus(Duration.ofHours(random.nextInt(48)));
      Instant end = observed.plus(Duration.ofHours(random.nextInt(48)));
      FreshnessTime whole = timeline.over(new Interval(start, end));
      Duration stale = Duration.ZERO;
      Duration unknown = Duration.ZERO;
      Instant from = start;
      while (from.isBefore(end)) {
        Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(3_000)));
        to = to.isAfter(end) ? end : to;
        FreshnessTime part = timeline.over(new Interval(from, to));
        stale = stale.plus(part.staleTime());
        unknown = unknown.plus(part.unknownTime());
        from = to;
      }
      assertThat(stale).as("stale time, round %d", round).isEqualTo(whole.staleTime());
      assertThat(unknown).as("unknown time, round %d", round).isEqualTo(whole.unknownTime());
    }
  }

  @Test
  void a_gap_in_samples_longer_than_max_gap_is_unknown_past_what_the_old_load_vouches_for() {
    FreshnessTime time =
        new FreshnessTimeline(
                List.of(sample("01T10:00", "01T09:00"), sample("02T15:00", "02T14:00")),
                MAX_AGE,
                MAX_GAP)
            .over(span("01T10:00", "02T15:00"));

    // fresh for sure until 09:00 on the 2nd; no sample can tell what happened from there to 14:00
    assertThat(time.unknown()).containsExactly(span("02T09:00", "02T14:00"));
    assertThat(time.stale()).isEmpty();
    assertThat(time.unknownTime()).isEqualTo(Duration.ofHours(5));
  }

  @Test
  void samples_close_together_take_the_loads_seen_as_all_there_were() {
    FreshnessTime time =
        new FreshnessTimeline(
                List.of(sample("02T09:30", "01T09:00"), sample("02T10:00", "02T09:45")),
                MAX_AGE,
                MAX_GAP)
            .over(span("02T09:30", "02T10:00"));

    assertThat(time.stale()).containsExactly(span("02T09:30", "02T09:45"));
    assertThat(time.unknown()).isEmpty();
  }

  @Test
  void time_before_the_first_load_and_long_after_the_last_sample_is_unknown() {
    FreshnessTime time =
        new FreshnessTimeline(List.of(sample("01T12:00", "01T11:00")), MAX_AGE, MAX_GAP)
            .over(span("01T00:00", "03T00:00"));

    // nothing known before the load at 11:00; after the sample at 12:00 the load vouches until
    // 11:00 on the 2nd and then no one looked
    assertThat(time.unknown())
        .containsExactly(span("01T00:00", "01T11:00"), span("02T11:00", "03T00:00"));
    assertThat(time.stale()).isEmpty();
    assertThat(time.goodTime()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void a_recent_last_sample_makes_the_time_after_it_certain() {
    FreshnessTime time =
        new FreshnessTimeline(List.of(sample("02T11:30", "01T10:00")), MAX_AGE, MAX_GAP)
            .over(span("02T11:00", "02T12:00"));

    assertThat(time.stale()).containsExactly(span("02T11:00", "02T12:00"));
    assertThat(time.unknown()).isEmpty();
  }

  @Test
  void no_samples_at_all_is_all_unknown() {
    FreshnessTime time =
        new FreshnessTimeline(List.of(), MAX_AGE, MAX_GAP).over(span("01T00:00", "02T00:00"));

    assertThat(time.unknownTime()).isEqualTo(Duration.ofDays(1));
    assertThat(time.tally().counting(NoDataPolicy.BAD).bad())
        .isEqualTo(Duration.ofDays(1).toMillis());
    assertThat(time.tally().counting(NoDataPolicy.IGNORE).valid()).isZero();
  }

  @Test
  void a_freshness_slo_spends_exactly_the_stale_minutes_of_its_budget() {
    List<FreshnessSample> samples = new java.util.ArrayList<>();
    Instant now = at("20T00:00");
    // loaded daily at 02:00, except on the 19th when the load came at 04:37; sampled every 15m
    for (Instant observed = at("01T00:00");
        observed.isBefore(now);
        observed = observed.plus(Duration.ofMinutes(15))) {
      Instant day = observed.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      Instant load = dailyLoad(day);
      Instant newest = observed.isBefore(load) ? dailyLoad(day.minus(Duration.ofDays(1))) : load;
      samples.add(new FreshnessSample(observed, newest));
    }
    SloTarget target =
        new SloTarget(
            Objective.parse("99.5%"),
            new RollingWindow(Duration.ofDays(14)),
            BudgetingMethod.TIMESLICES,
            Duration.ofMinutes(5),
            NoDataPolicy.BAD);

    SloStatus status =
        new SloEvaluator(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
            .evaluate(
                target, new FreshnessSeries(new FreshnessTimeline(samples, MAX_AGE, MAX_GAP)));

    // stale from 02:00 to 04:37 on the 19th; 0.5% of 14 days is 100.8 minutes: overspent
    assertThat(status.budget().spentTime()).isEqualTo(Duration.ofMinutes(157));
    assertThat(status.budget().totalTime()).isEqualTo(Duration.ofSeconds(6048));
    assertThat(status.budget().remainingTime()).isEqualTo(Duration.ofSeconds(6048 - 157 * 60));
    // 20160 minutes, 157 stale: 0.99221 is below 99.5%
    assertThat(status.met()).isFalse();
  }

  private static Instant dailyLoad(Instant day) {
    return day.plus(day.equals(at("19T00:00")) ? Duration.ofMinutes(277) : Duration.ofHours(2));
  }
}
