package dev.nines.store.slo;

import dev.nines.slo.Interval;
import dev.nines.slo.SliBuckets;
import dev.nines.slo.SliSeries;
import dev.nines.slo.Tally;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.store.SliEvent;
import dev.nines.store.SloBucket;
import dev.nines.store.SloStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An SLI over stored measurements, counted into minute and hour buckets like {@link BucketFeed} but
 * tailing the measurement table (events carry the metric's name as their check).
 *
 * <p>A metric SLI counts each measurement as one event, good within {@code good: {min, max}}; a NaN
 * value is no data. A ratio SLI adds the good metric's values to a bucket's good count and the
 * total metric's values to its bad column, which for ratios holds the total: good and total arrive
 * as separate measurements, so only sums over a span can be paired (good ÷ total, bad = total −
 * good). Ratio values are counts of events, rounded to whole numbers; negative or NaN values are
 * skipped.
 */
final class MetricFeed implements SloFeed {
  private final SloSpec spec;
  private SliBuckets buckets;

  MetricFeed(SloSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (!(spec.sli() instanceof SliSpec.MetricThreshold
        || spec.sli() instanceof SliSpec.MetricRatio)) {
      throw new IllegalArgumentException("not a metric SLI: " + spec.sli().kind());
    }
    this.buckets = fresh();
  }

  @Override
  public SloSpec spec() {
    return spec;
  }

  @Override
  public String subject() {
    return SloPass.subjectOf(spec.sli());
  }

  /** The datasets whose measurements this SLI reads (a ratio's two metrics may differ). */
  Set<String> datasets() {
    Set<String> datasets = new LinkedHashSet<>();
    for (SliSpec.MetricRef ref : refs()) {
      datasets.add(ref.dataset());
    }
    return datasets;
  }

  private List<SliSpec.MetricRef> refs() {
    if (spec.sli() instanceof SliSpec.MetricThreshold threshold) {
      return List.of(threshold.metric());
    }
    SliSpec.MetricRatio ratio = (SliSpec.MetricRatio) spec.sli();
    return List.of(ratio.good(), ratio.total());
  }

  String fingerprint() {
    return "measurements|" + spec.sli() + "|" + spec.noData() + "|" + spec.window().describe();
  }

  @Override
  public boolean accepts(SliEvent event) {
    for (SliSpec.MetricRef ref : refs()) {
      if (matches(ref, event)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(SliSpec.MetricRef ref, SliEvent event) {
    return ref.dataset().equals(event.dataset()) && ref.metric().equals(event.check());
  }

  @Override
  public void loadEvents(Iterable<SliEvent> events) {
    buckets = fresh();
    BucketDeltas ignored = new BucketDeltas();
    for (SliEvent event : events) {
      if (accepts(event)) {
        record(event, ignored);
      }
    }
  }

  @Override
  public void load(SloStore.Tail tail, Instant now) {
    buckets = fresh();
    if (tail.fingerprint(spec.name()).filter(fingerprint()::equals).isPresent()) {
      for (SloBucket bucket : tail.buckets(spec.name())) {
        buckets.restore(bucket.width(), bucket.start(), bucket.good(), bucket.bad());
      }
      return;
    }
    BucketDeltas rebuilt = new BucketDeltas();
    List<SliEvent> history = new ArrayList<>();
    for (String dataset : datasets()) {
      history.addAll(
          tail.measurementHistory(
              dataset, now.minus(Spans.kept(spec.window())), tail.measurementPosition()));
    }
    for (SliEvent event : history) {
      if (accepts(event)) {
        record(event, rebuilt);
      }
    }
    tail.rebuild(spec.name(), fingerprint(), rebuilt.buckets());
  }

  @Override
  public void record(SliEvent event, BucketDeltas deltas) {
    Tally raw = tally(event);
    Tally counted = spec.sli() instanceof SliSpec.MetricRatio ? raw : raw.counting(spec.noData());
    if (counted.valid() == 0 && raw.noData() == 0) {
      return;
    }
    if (buckets.record(event.observedAt(), counted.good(), counted.bad())) {
      deltas.add(
          spec.name(),
          event.observedAt().getEpochSecond(),
          counted.good(),
          counted.bad(),
          raw.noData());
    }
  }

  private Tally tally(SliEvent event) {
    Double value = event.value();
    if (spec.sli() instanceof SliSpec.MetricThreshold threshold) {
      if (value == null || value.isNaN()) {
        return new Tally(0, 0, 1);
      }
      boolean good =
          (threshold.min() == null || value >= threshold.min())
              && (threshold.max() == null || value <= threshold.max());
      return good ? new Tally(1, 0, 0) : new Tally(0, 1, 0);
    }
    if (value == null || value.isNaN() || value < 0) {
      return Tally.EMPTY;
    }
    long count = Math.round(value);
    SliSpec.MetricRatio ratio = (SliSpec.MetricRatio) spec.sli();
    // one measurement may be both when good and total name the same metric
    return new Tally(
        matches(ratio.good(), event) ? count : 0, matches(ratio.total(), event) ? count : 0, 0);
  }

  /** The buckets up to the end of the minute holding a span's end, as {@link BucketFeed}. */
  @Override
  public SliSeries series() {
    SliBuckets counted = buckets;
    boolean ratio = spec.sli() instanceof SliSpec.MetricRatio;
    return span -> {
      Tally tally = counted.tally(new Interval(span.start(), endOfMinute(span.end())));
      if (!ratio) {
        return tally;
      }
      long good = Math.min(tally.good(), tally.bad());
      return new Tally(good, tally.bad() - good, tally.noData());
    };
  }

  private static Instant endOfMinute(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
  }

  private SliBuckets fresh() {
    return new SliBuckets(Spans.MINUTES, Spans.kept(spec.window()), null);
  }
}
