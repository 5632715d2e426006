package dev.nines.store.slo;

import dev.nines.slo.Interval;
import dev.nines.slo.SliBuckets;
import dev.nines.slo.SliSeries;
import dev.nines.slo.Tally;
import dev.nines.spec.SloSpec;
import dev.nines.store.SliEvent;
import dev.nines.store.SloBucket;
import dev.nines.store.SloStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the feeds counting events into minute and hour buckets share: the buckets, kept in memory
 * and in the store, restored while their fingerprint holds and rebuilt from history when it
 * changed. Subclasses say which events count, how one event tallies and where their history is
 * read.
 */
abstract class BucketedFeed implements SloFeed {
  final SloSpec spec;
  private SliBuckets buckets;

  BucketedFeed(SloSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.buckets = fresh();
  }

  @Override
  public SloSpec spec() {
    return spec;
  }

  /** What the stored buckets depend on: a change rebuilds them from history. */
  abstract String fingerprint();

  /** One event's raw tally: good, bad or no data. */
  abstract Tally tally(SliEvent event);

  /** The raw tally as counted into the buckets (the no-data policy applied, where it applies). */
  Tally counted(Tally raw) {
    return raw.counting(spec.noData());
  }

  /** The events stored since {@code since}, up to the tail's position, to rebuild the buckets. */
  abstract Iterable<SliEvent> history(SloStore.Tail tail, Instant since);

  /** A span's tally as the evaluator reads it from the bucket sums. */
  Tally read(Tally summed) {
    return summed;
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
    if (tail.fingerprint(spec.name()).filter(fingerprint()::equals).isPresent()) {
      forget();
      tail.buckets(spec.name()).forEach(this::restore);
      return;
    }
    rebuild(tail, now);
  }

  /** Drops what is in memory, before the stored buckets are restored one by one. */
  void forget() {
    buckets = fresh();
  }

  /** Restores one stored bucket; in any order (a ring keeps the newest of a slot). */
  void restore(SloBucket bucket) {
    buckets.restore(bucket.width(), bucket.start(), bucket.good(), bucket.bad());
  }

  /** Rebuilds the buckets from history, in memory and in the store. */
  void rebuild(SloStore.Tail tail, Instant now) {
    buckets = fresh();
    BucketDeltas rebuilt = new BucketDeltas();
    for (SliEvent event : history(tail, now.minus(Spans.kept(spec.window())))) {
      if (accepts(event)) {
        record(event, rebuilt);
      }
    }
    tail.rebuild(spec.name(), fingerprint(), rebuilt.buckets());
  }

  @Override
  public void record(SliEvent event, BucketDeltas deltas) {
    Tally raw = tally(event);
    Tally counted = counted(raw);
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

  /**
   * The buckets, each span taken up to the end of the minute holding its end: the buckets count
   * whole minutes, and events of the minute under way (or stamped exactly now) would otherwise wait
   * for it to end. No event lies after now, so nothing is counted early.
   */
  @Override
  public SliSeries series() {
    SliBuckets counted = buckets;
    return span -> read(counted.tally(new Interval(span.start(), endOfMinute(span.end()))));
  }

  private static Instant endOfMinute(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
  }

  private SliBuckets fresh() {
    return new SliBuckets(Spans.MINUTES, Spans.kept(spec.window()), null);
  }
}
