package dev.nines.store.slo;

import dev.nines.slo.Tally;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.store.SliEvent;
import dev.nines.store.SloStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
final class MetricFeed extends BucketedFeed {
  MetricFeed(SloSpec spec) {
    super(spec);
    if (!(spec.sli() instanceof SliSpec.MetricThreshold
        || spec.sli() instanceof SliSpec.MetricRatio)) {
      throw new IllegalArgumentException("not a metric SLI: " + spec.sli().kind());
    }
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

  @Override
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
  Iterable<SliEvent> history(SloStore.Tail tail, Instant since) {
    List<SliEvent> history = new ArrayList<>();
    for (String dataset : datasets()) {
      history.addAll(tail.measurementHistory(dataset, since, tail.measurementPosition()));
    }
    return history;
  }

  /** Ratio tallies are sums of values, not events: no-data policy does not apply to them. */
  @Override
  Tally counted(Tally raw) {
    return spec.sli() instanceof SliSpec.MetricRatio ? raw : super.counted(raw);
  }

  @Override
  Tally tally(SliEvent event) {
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

  /** A ratio's bucket sums hold good and total: the tally is good and total − good. */
  @Override
  Tally read(Tally summed) {
    if (!(spec.sli() instanceof SliSpec.MetricRatio)) {
      return summed;
    }
    long good = Math.min(summed.good(), summed.bad());
    return new Tally(good, summed.bad() - good, summed.noData());
  }
}
