package dev.nines.slo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A freshness SLI as exact time: good, stale and unknown milliseconds from a {@link
 * FreshnessTimeline}, so the budget spent is the stale time to the millisecond whatever the SLO's
 * slice length.
 */
public final class FreshnessSeries implements SliSeries {
  private static final Duration MILLISECOND = Duration.ofMillis(1);

  private final FreshnessTimeline timeline;

  public FreshnessSeries(FreshnessTimeline timeline) {
    this.timeline = Objects.requireNonNull(timeline, "timeline");
  }

  @Override
  public Tally tally(Interval span) {
    return timeline.over(span).tally();
  }

  @Override
  public Optional<Duration> unitTime() {
    return Optional.of(MILLISECOND);
  }
}
