package dev.nines.store.slo;

import dev.nines.slo.SliSeries;
import dev.nines.spec.SloSpec;
import dev.nines.store.SliEvent;
import dev.nines.store.SloStore;
import java.time.Instant;

/** Feeds one SLO's SLI from the observation log and serves it to the evaluator. */
interface SloFeed {
  SloSpec spec();

  /** The dataset or pipeline whose observations this feed reads. */
  String subject();

  /** Whether the event is one of this SLI's. */
  boolean accepts(SliEvent event);

  /** Loads what the store kept (or rebuilds it from history) up to the tail's position. */
  void load(SloStore.Tail tail, Instant now);

  /** Starts over from events read for a past period (kept in memory only). */
  void loadEvents(Iterable<SliEvent> events);

  /** Counts one new event; bucket feeds add the change to {@code deltas}. */
  void record(SliEvent event, BucketDeltas deltas);

  SliSeries series();
}
