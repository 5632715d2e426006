package dev.nines.store.slo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.slo.AlertLevel;
import dev.nines.slo.BudgetingMethod;
import dev.nines.slo.Interval;
import dev.nines.slo.RollingWindow;
import dev.nines.slo.SloEvaluator;
import dev.nines.slo.SloStatus;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.store.NinesStore;
import dev.nines.store.SliEvent;
import dev.nines.store.SloBucket;
import dev.nines.store.SloEvaluationRecord;
import dev.nines.store.SloStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation pass over every SLO: folds the observations (and, for metric and ratio SLIs, the
 * measurements) stored since the last pass into the SLOs' aggregates (minute and hour buckets, in
 * memory and in the store), evaluates each SLO at now, keeps the evaluations, and turns changes of
 * burn-rate alert level into observations of check {@code slo_<name>} (type {@code slo_burn}) on
 * the SLI's dataset or pipeline: FAIL when it pages, WARN for a ticket, PASS when the burn stopped.
 * The incident manager makes incidents of them, with the severity of the consumers whose agreements
 * list the SLO (a ticket one level lower).
 *
 * <p>The aggregates stay in memory between passes: a pass reads only new observations. When another
 * replica moved the cursor since, they are reloaded from the store. Not thread safe: one caller.
 */
public final class SloPass {
  /** The check type of burn-rate observations. */
  public static final String BURN_CHECK_TYPE = "slo_burn";

  /** The burn observation's check name (its dataset is the SLO's name). */
  public static final String BURN_CHECK = "burn_rate";

  /** Passes after an alert ends that still report PASS: enough for the incident to resolve. */
  static final int QUIET_PASSES_REPORTED = 3;

  private static final int NEVER_ALERTED = 1_000_000;
  private static final int BATCH = 5_000;

  private final NinesStore store;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, SloFeed> feeds = new HashMap<>();
  private long knownPosition = -1;
  private long knownMeasurementPosition = -1;

  public SloPass(NinesStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Runs one pass over {@code slos} at {@code now}; results in the order given. */
  public List<SloResult> run(Map<String, SloSpec> slos, Instant now) {
    Map<String, SloFeed> current = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    for (SloSpec spec : slos.values()) {
      Optional<String> problem = unsupported(spec);
      if (problem.isPresent()) {
        problems.put(spec.name(), problem.get());
        continue;
      }
      SloFeed known = feeds.get(spec.name());
      current.put(spec.name(), known != null && known.spec().equals(spec) ? known : feedOf(spec));
    }
    feeds.keySet().retainAll(current.keySet());
    try {
      fold(current, now);
    } catch (RuntimeException e) {
      // what is in memory may be ahead of the store now: reload next time
      feeds.clear();
      knownPosition = -1;
      knownMeasurementPosition = -1;
      throw e;
    }
    List<SloResult> results = evaluate(slos, current, problems, now);
    recordBurns(results, now);
    return results;
  }

  private void fold(Map<String, SloFeed> current, Instant now) {
    knownPosition =
        store
            .slos()
            .tail(
                tail -> {
                  boolean stale =
                      tail.position() != knownPosition
                          || tail.measurementPosition() != knownMeasurementPosition;
                  List<SloFeed> unloaded = new ArrayList<>();
                  for (SloFeed feed : current.values()) {
                    if (stale || feeds.get(feed.spec().name()) != feed) {
                      unloaded.add(feed);
                    }
                  }
                  FeedLoading.load(tail, unloaded, now);
                  feeds.putAll(current);
                  long position = foldNew(tail, current.values());
                  long measurements = foldNewMeasurements(tail, current.values());
                  forgetOld(tail, current.values(), now);
                  tail.advance(position);
                  tail.advanceMeasurements(measurements);
                  knownMeasurementPosition = measurements;
                  return position;
                });
  }

  private long foldNew(SloStore.Tail tail, Iterable<SloFeed> all) {
    Map<String, List<SloFeed>> bySubject = new HashMap<>();
    for (SloFeed feed : all) {
      if (!(feed instanceof MetricFeed)) {
        bySubject.computeIfAbsent(feed.subject(), subject -> new ArrayList<>()).add(feed);
      }
    }
    long position = tail.position();
    while (true) {
      List<SliEvent> events = tail.eventsAfter(position, BATCH);
      if (events.isEmpty()) {
        return position;
      }
      BucketDeltas deltas = new BucketDeltas();
      for (SliEvent event : events) {
        for (SloFeed feed : bySubject.getOrDefault(event.dataset(), List.of())) {
          if (feed.accepts(event)) {
            feed.record(event, deltas);
          }
        }
      }
      tail.add(deltas.buckets());
      position = events.get(events.size() - 1).id();
    }
  }

  /** Folds measurements after the measurement cursor into metric and ratio SLIs. */
  private long foldNewMeasurements(SloStore.Tail tail, Iterable<SloFeed> all) {
    Map<String, List<MetricFeed>> byDataset = new HashMap<>();
    for (SloFeed feed : all) {
      if (feed instanceof MetricFeed metric) {
        for (String dataset : metric.datasets()) {
          byDataset.computeIfAbsent(dataset, key -> new ArrayList<>()).add(metric);
        }
      }
    }
    long position = tail.measurementPosition();
    if (byDataset.isEmpty()) {
      // nothing reads measurements: skip them rather than read them all
      return Math.max(position, tail.newestMeasurement());
    }
    while (true) {
      List<SliEvent> events = tail.measurementsAfter(position, BATCH);
      if (events.isEmpty()) {
        return position;
      }
      BucketDeltas deltas = new BucketDeltas();
      for (SliEvent event : events) {
        for (MetricFeed feed : byDataset.getOrDefault(event.dataset(), List.of())) {
          if (feed.accepts(event)) {
            feed.record(event, deltas);
          }
        }
      }
      tail.add(deltas.buckets());
      position = events.get(events.size() - 1).id();
    }
  }

  private static void forgetOld(SloStore.Tail tail, Iterable<SloFeed> all, Instant now) {
    long second = now.getEpochSecond();
    List<String> bucketed = new ArrayList<>();
    Map<Long, List<String>> byOldestHour = new HashMap<>();
    for (SloFeed feed : all) {
      if (feed instanceof FreshnessFeed freshness) {
        freshness.prune(now);
        continue;
      }
      bucketed.add(feed.spec().name());
      long oldestHour =
          Math.floorDiv(second - Spans.kept(feed.spec().window()).toSeconds(), SloBucket.HOUR) - 1;
      byOldestHour.computeIfAbsent(oldestHour, hour -> new ArrayList<>()).add(feed.spec().name());
    }
    tail.forgetBefore(
        bucketed,
        SloBucket.MINUTE,
        Math.floorDiv(second - Spans.MINUTES.toSeconds(), SloBucket.MINUTE));
    byOldestHour.forEach((hour, slos) -> tail.forgetBefore(slos, SloBucket.HOUR, hour));
  }

  private List<SloResult> evaluate(
      Map<String, SloSpec> slos,
      Map<String, SloFeed> current,
      Map<String, String> problems,
      Instant now) {
    SloEvaluator evaluator = new SloEvaluator(Clock.fixed(now, ZoneOffset.UTC));
    List<SloResult> results = new ArrayList<>();
    for (SloSpec spec : slos.values()) {
      SloFeed feed = current.get(spec.name());
      if (feed == null) {
        results.add(
            new SloResult(
                spec,
                subjectOf(spec.sli()),
                Optional.empty(),
                Optional.of(problems.get(spec.name()))));
        continue;
      }
      SloStatus status = evaluator.evaluate(spec.target(), feed.series());
      results.add(new SloResult(spec, feed.subject(), Optional.of(status), Optional.empty()));
    }
    return results;
  }

  /**
   * Keeps the evaluations and records a burn observation for each SLO that alerts, and for the
   * first {@link #QUIET_PASSES_REPORTED} passes after it stopped (so its incident resolves); a
   * quiet SLO writes nothing, keeping the log small with thousands of SLOs.
   */
  private void recordBurns(List<SloResult> results, Instant now) {
    Map<String, Integer> quietBefore = new HashMap<>();
    for (SloEvaluationRecord previous : store.slos().evaluations()) {
      quietBefore.put(previous.slo(), previous.quietPasses());
    }
    List<SloEvaluationRecord> records = new ArrayList<>();
    for (SloResult result : results) {
      AlertLevel level =
          result.status().map(status -> status.alert().level()).orElse(AlertLevel.NONE);
      int before = quietBefore.getOrDefault(result.name(), NEVER_ALERTED);
      int quiet = level == AlertLevel.NONE ? Math.min(before + 1, NEVER_ALERTED) : 0;
      records.add(
          new SloEvaluationRecord(result.name(), now, level, quiet, toJson(SloView.of(result))));
      if (result.status().isPresent() && quiet <= QUIET_PASSES_REPORTED) {
        Observation burn = BurnObservation.of(result, level, now);
        store.recordFinding("slo:" + result.name() + ":" + now.toEpochMilli(), null, burn, now);
      }
    }
    store.slos().saveEvaluations(records);
  }

  private String toJson(SloView view) {
    try {
      return json.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An SLO over a past period, read from the observation log (not the aggregates, which keep only
   * the window): the period is taken as a rolling window ending at its end, so the SLI and budget
   * cover exactly the period and the burn rates are those at its end.
   */
  public static SloResult over(NinesStore store, SloSpec slo, Interval period) {
    Optional<String> problem = unsupported(slo);
    if (problem.isPresent()) {
      return new SloResult(slo, subjectOf(slo.sli()), Optional.empty(), problem);
    }
    SloSpec periodSpec =
        new SloSpec(
            slo.name(),
            slo.description(),
            slo.sli(),
            slo.objective(),
            new RollingWindow(period.length()),
            slo.budgeting(),
            slo.slice(),
            slo.noData(),
            slo.location());
    SloFeed feed = feedOf(periodSpec);
    Instant from = period.start().minus(Spans.kept(periodSpec.window()).minus(period.length()));
    if (feed instanceof MetricFeed metric) {
      List<SliEvent> events = new ArrayList<>();
      for (String dataset : metric.datasets()) {
        events.addAll(store.slos().measurementsBetween(dataset, from, period.end()));
      }
      feed.loadEvents(events);
    } else {
      feed.loadEvents(store.slos().between(feed.subject(), from, period.end()));
    }
    SloStatus status =
        new SloEvaluator(Clock.fixed(period.end(), ZoneOffset.UTC))
            .evaluate(periodSpec.target(), feed.series());
    return new SloResult(slo, feed.subject(), Optional.of(status), Optional.empty());
  }

  /**
   * What an occurrences SLO's stored buckets are built for; a pass rebuilds them from history when
   * it differs (also lets a benchmark seed buckets a pass accepts).
   */
  public static String fingerprint(SloSpec spec) {
    return ((BucketedFeed) feedOf(spec)).fingerprint();
  }

  private static SloFeed feedOf(SloSpec spec) {
    SliSpec sli = spec.sli();
    if (sli instanceof SliSpec.Freshness) {
      return new FreshnessFeed(spec);
    }
    if (sli instanceof SliSpec.MetricThreshold || sli instanceof SliSpec.MetricRatio) {
      return new MetricFeed(spec);
    }
    return new BucketFeed(spec);
  }

  /** Why an SLO cannot be fed from the store yet, if it cannot. */
  static Optional<String> unsupported(SloSpec spec) {
    SliSpec sli = spec.sli();
    if (!(sli instanceof SliSpec.Freshness) && spec.budgeting() == BudgetingMethod.TIMESLICES) {
      return Optional.of(
          "a "
              + sli.kind()
              + " SLI counts events: use budgeting: occurrences (time slices need a"
              + " freshness SLI)");
    }
    return Optional.empty();
  }

  static String subjectOf(SliSpec sli) {
    if (sli instanceof SliSpec.Freshness freshness) {
      return freshness.dataset();
    }
    if (sli instanceof SliSpec.CheckResults check) {
      return check.dataset();
    }
    if (sli instanceof SliSpec.PipelineRuns pipeline) {
      return pipeline.pipeline();
    }
    if (sli instanceof SliSpec.MetricThreshold threshold) {
      return threshold.metric().dataset();
    }
    return ((SliSpec.MetricRatio) sli).good().dataset();
  }

  /** A burn rate as people read it: one decimal, e.g. {@code 97.3} or {@code 1000}. */
  public static String rounded(java.math.BigDecimal rate) {
    return rate.setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** Burn observations are data observations about the SLI's subject. */
  static final class BurnObservation {
    private BurnObservation() {}

    static Observation of(SloResult result, AlertLevel level, Instant now) {
      SloStatus status = result.status().orElseThrow();
      Status verdict =
          switch (level) {
            case PAGE -> Status.FAIL;
            case TICKET -> Status.WARN;
            case NONE -> Status.PASS;
          };
      String message =
          switch (level) {
            case NONE -> "SLO " + result.name() + " no longer burns its error budget fast";
            default ->
                "SLO "
                    + result.name()
                    + " burns its error budget at "
                    + rounded(status.alert().longRate().orElseThrow().rate())
                    + "× over "
                    + SloView.human(status.alert().fired().orElseThrow().longWindow())
                    + (level == AlertLevel.PAGE ? ": page" : ": ticket");
          };
      Double value = status.alert().longRate().map(rate -> rate.value()).orElse(null);
      return new Observation(
          result.name(),
          BURN_CHECK,
          BURN_CHECK_TYPE,
          verdict,
          Kind.DATA,
          null,
          value,
          null,
          message,
          List.of(
              "objective "
                  + result.spec().objective().percent()
                  + " over "
                  + result.spec().window().describe()),
          List.of(),
          now,
          null);
    }
  }
}
