package dev.nines.store.slo;

import dev.nines.pipeline.PipelineRule;
import dev.nines.slo.CheckOutcomes;
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
import java.util.Objects;

/**
 * An occurrences SLI counted into minute and hour buckets kept in memory and in the store: a
 * check's observations, or a pipeline's watcher verdicts on its runs and slots (PASS good; a late,
 * failed, missed or too long run bad; a finding that could not be judged is no data). At-risk
 * findings are forecasts about a run still going, not outcomes: they are not counted.
 */
final class BucketFeed implements SloFeed {
  private final SloSpec spec;
  private SliBuckets buckets;

  BucketFeed(SloSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (!(spec.sli() instanceof SliSpec.CheckResults
        || spec.sli() instanceof SliSpec.PipelineRuns)) {
      throw new IllegalArgumentException("not an occurrences SLI: " + spec.sli().kind());
    }
    this.buckets = fresh();
  }

  @Override
  public SloSpec spec() {
    return spec;
  }

  @Override
  public String subject() {
    return spec.sli() instanceof SliSpec.CheckResults check
        ? check.dataset()
        : ((SliSpec.PipelineRuns) spec.sli()).pipeline();
  }

  /** What the stored buckets depend on: a change rebuilds them from history. */
  String fingerprint() {
    // "outcomes": pipeline SLIs stopped counting at-risk forecasts; older buckets are rebuilt
    String events = spec.sli() instanceof SliSpec.PipelineRuns ? "outcomes|" : "";
    return events + spec.sli() + "|" + spec.noData() + "|" + spec.window().describe();
  }

  @Override
  public boolean accepts(SliEvent event) {
    if (spec.sli() instanceof SliSpec.CheckResults check) {
      return event.dataset().equals(check.dataset()) && event.check().equals(check.check());
    }
    return event.dataset().equals(subject())
        && event.checkType() != null
        && event.checkType().startsWith("pipeline_")
        && !event.checkType().equals(PipelineRule.AT_RISK.checkType());
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
    for (SliEvent event :
        tail.history(subject(), now.minus(Spans.kept(spec.window())), tail.position())) {
      if (accepts(event)) {
        record(event, rebuilt);
      }
    }
    tail.rebuild(spec.name(), fingerprint(), rebuilt.buckets());
  }

  @Override
  public void record(SliEvent event, BucketDeltas deltas) {
    Tally raw = tally(event);
    Tally counted = raw.counting(spec.noData());
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
    if (spec.sli() instanceof SliSpec.CheckResults check) {
      return CheckOutcomes.of(event.status(), check.warnIsGood());
    }
    return switch (event.status()) {
      case PASS -> new Tally(1, 0, 0);
      case ERROR -> new Tally(0, 0, 1);
      default -> new Tally(0, 1, 0);
    };
  }

  /**
   * The buckets, each span taken up to the end of the minute holding its end: the buckets count
   * whole minutes, and events of the minute under way (or stamped exactly now) would otherwise wait
   * for it to end. No event lies after now, so nothing is counted early.
   */
  @Override
  public SliSeries series() {
    SliBuckets counted = buckets;
    return span -> counted.tally(new Interval(span.start(), endOfMinute(span.end())));
  }

  private static Instant endOfMinute(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
  }

  private SliBuckets fresh() {
    return new SliBuckets(Spans.MINUTES, Spans.kept(spec.window()), null);
  }
}
