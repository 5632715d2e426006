package dev.nines.store.slo;

import dev.nines.observation.Status;
import dev.nines.slo.FreshnessSample;
import dev.nines.slo.FreshnessSeries;
import dev.nines.slo.FreshnessTimeline;
import dev.nines.slo.SliSeries;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.store.SliEvent;
import dev.nines.store.SloStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A freshness SLI as exact time, from the dataset's freshness observations: each one that measured
 * an age is a sample whose newest load was {@code observedAt − age}. Samples are few (one per check
 * run), so they are kept as they are, not bucketed, and read from the log only when the feed loads.
 */
final class FreshnessFeed implements SloFeed {
  private final SloSpec spec;
  private final SliSpec.Freshness freshness;
  private final List<FreshnessSample> samples = new ArrayList<>();

  FreshnessFeed(SloSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.freshness = (SliSpec.Freshness) spec.sli();
  }

  @Override
  public SloSpec spec() {
    return spec;
  }

  @Override
  public String subject() {
    return freshness.dataset();
  }

  @Override
  public boolean accepts(SliEvent event) {
    return event.dataset().equals(freshness.dataset())
        && "freshness".equals(event.checkType())
        && event.status() != Status.ERROR
        && event.value() != null;
  }

  @Override
  public void load(SloStore.Tail tail, Instant now) {
    samples.clear();
    Instant since = now.minus(Spans.kept(spec.window()));
    for (SliEvent event : tail.history(subject(), since, tail.position())) {
      if (accepts(event)) {
        record(event, null);
      }
    }
  }

  @Override
  public void loadEvents(Iterable<SliEvent> events) {
    samples.clear();
    for (SliEvent event : events) {
      if (accepts(event)) {
        record(event, null);
      }
    }
  }

  @Override
  public void record(SliEvent event, BucketDeltas deltas) {
    long ageMillis = Math.round(event.value() * 1000);
    samples.add(
        new FreshnessSample(
            event.observedAt(), event.observedAt().minus(Duration.ofMillis(ageMillis))));
  }

  /** Forgets samples older than the window can reach, keeping the newest one before that edge. */
  void prune(Instant now) {
    Instant edge = now.minus(Spans.kept(spec.window()));
    int keepFrom = 0;
    for (int index = 0; index < samples.size(); index++) {
      if (samples.get(index).observedAt().isBefore(edge)) {
        keepFrom = index;
      }
    }
    samples.subList(0, keepFrom).clear();
  }

  @Override
  public SliSeries series() {
    return new FreshnessSeries(
        new FreshnessTimeline(List.copyOf(samples), freshness.maxAge(), freshness.maxGap()));
  }
}
