package dev.nines.store;

import dev.nines.slo.Interval;
import dev.nines.spec.SloSpec;
import dev.nines.spec.Spec;
import dev.nines.store.internal.SloAggregateDao;
import dev.nines.store.internal.StoreColumns;
import dev.nines.store.internal.StoreFailures;
import dev.nines.store.internal.StoreUrl;
import dev.nines.store.internal.WorkCursorDao;
import dev.nines.store.slo.SloPass;
import dev.nines.store.slo.SloResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * SLO aggregates in the store: buckets updated from the observation log under the {@code slo} work
 * cursor and from the measurement table under the {@code slo_measurements} one (both locked while a
 * pass folds new rows in, so replicas take turns), and each SLO's last evaluation.
 */
public final class SloStore {
  /** The work cursor row of SLO aggregation: the last observation id folded into buckets. */
  public static final String CURSOR = "slo";

  /**
   * The work cursor row of metric and ratio SLIs: the last measurement id folded into buckets,
   * locked in the same transaction as {@link #CURSOR}.
   */
  public static final String MEASUREMENT_CURSOR = "slo_measurements";

  private final Jdbi jdbi;
  private final StoreUrl url;
  private final Clock clock;

  private final NinesStore owner;
  private SloPass pass;
  // set once both cursor rows are known to exist: creating them reads whole tables on H2
  private volatile boolean cursorsExist;

  SloStore(NinesStore owner, Jdbi jdbi, StoreUrl url, Clock clock) {
    this.owner = owner;
    this.jdbi = jdbi;
    this.url = url;
    this.clock = clock;
  }

  /** What a pass may do while it holds the cursor's lock; all of it commits together. */
  public interface Tail {
    /** The last observation id already folded into the buckets. */
    long position();

    /** Observations after {@code after}, oldest first, at most {@code limit}. */
    List<SliEvent> eventsAfter(long after, int limit);

    /** A dataset's (or pipeline's) observations since an instant, up to a log position. */
    List<SliEvent> history(String dataset, Instant since, long upTo);

    /** The last measurement id already folded into the buckets. */
    long measurementPosition();

    /** Measurements after {@code after}, oldest first, at most {@code limit}, as SLI events. */
    List<SliEvent> measurementsAfter(long after, int limit);

    /** A dataset's measurements since an instant, up to a measurement id. */
    List<SliEvent> measurementHistory(String dataset, Instant since, long upTo);

    /** The newest measurement id, 0 when there is none. */
    long newestMeasurement();

    /** Moves the measurement cursor past what was folded in. */
    void advanceMeasurements(long position);

    /** The SLO's buckets, minutes then hours, oldest first. */
    List<SloBucket> buckets(String slo);

    /** What the SLO's buckets were built for, empty when they never were. */
    Optional<String> fingerprint(String slo);

    /** What every SLO's buckets were built for, by SLO name, with one query. */
    Map<String, String> fingerprints();

    /**
     * Every stored bucket of every SLO, in no particular order, streamed to {@code each} from one
     * query: for loading many SLOs at once without a round trip (and an index read) per SLO.
     */
    void eachBucket(Consumer<SloBucket> each);

    /** Replaces the SLO's buckets by ones built from history. */
    void rebuild(String slo, String fingerprint, List<SloBucket> buckets);

    /** Adds counts to buckets, creating the ones missing. */
    void add(List<SloBucket> deltas);

    /** Forgets the SLOs' buckets of a width older than a bucket number. */
    void forgetBefore(List<String> slos, int widthSeconds, long bucketNumber);

    /** Moves the cursor past what was folded in. */
    void advance(long position);
  }

  /** Runs {@code work} holding the {@code slo} cursor's row lock, in one transaction. */
  public <R> R tail(Function<Tail, R> work) {
    return attempt(
        "update SLO aggregates",
        () -> {
          createCursor();
          return jdbi.inTransaction(
              handle -> {
                WorkCursorDao cursors = handle.attach(WorkCursorDao.class);
                SloAggregateDao dao = handle.attach(SloAggregateDao.class);
                long position = cursors.lock(CURSOR).orElseThrow();
                long measurements = cursors.lock(MEASUREMENT_CURSOR).orElseThrow();
                return work.apply(new HandleTail(dao, cursors, position, measurements));
              });
        });
  }

  /**
   * Runs one evaluation pass over the spec's SLOs at {@code now}: folds what was stored since the
   * last pass into their aggregates, evaluates each, keeps the evaluations and writes burn-rate
   * observations (see {@link SloPass}). Passes are serialised; the aggregates stay in memory.
   */
  public synchronized List<SloResult> evaluate(Spec spec, Instant now) {
    if (pass == null) {
      pass = new SloPass(owner);
    }
    return pass.run(spec.slos(), now);
  }

  /** One SLO over a past period (for reports), read from the observation log. */
  public SloResult status(SloSpec slo, Interval period) {
    return SloPass.over(owner, slo, period);
  }

  /** A dataset's (or pipeline's, or SLO's) observations in {@code [from, to)}, oldest first. */
  public List<SliEvent> between(String dataset, Instant from, Instant to) {
    return attempt(
        "read observations",
        () ->
            jdbi.onDemand(SloAggregateDao.class)
                .between(dataset, StoreColumns.toMillis(from), StoreColumns.toMillis(to)));
  }

  /**
   * A dataset's observations of one check type (e.g. {@code freshness}) in {@code [from, to)},
   * oldest first.
   */
  public List<SliEvent> between(String dataset, String checkType, Instant from, Instant to) {
    return attempt(
        "read observations",
        () ->
            jdbi.onDemand(SloAggregateDao.class)
                .ofTypeBetween(
                    dataset, checkType, StoreColumns.toMillis(from), StoreColumns.toMillis(to)));
  }

  /**
   * A dataset's measurements in {@code [from, to)} as SLI events (check = metric), oldest first.
   */
  public List<SliEvent> measurementsBetween(String dataset, Instant from, Instant to) {
    return attempt(
        "read measurements",
        () ->
            jdbi.onDemand(SloAggregateDao.class)
                .measurementsBetween(
                    dataset, StoreColumns.toMillis(from), StoreColumns.toMillis(to)));
  }

  /** Keeps the last evaluation of each SLO, replacing the one before. */
  public void saveEvaluations(List<SloEvaluationRecord> evaluations) {
    List<SloEvaluationRecord> rows =
        evaluations.stream()
            .map(
                e ->
                    new SloEvaluationRecord(
                        e.slo(),
                        StoreColumns.toMillis(e.evaluatedAt()),
                        e.alertLevel(),
                        e.quietPasses(),
                        e.statusJson()))
            .toList();
    attempt(
        "save SLO evaluations",
        () ->
            jdbi.inTransaction(
                handle -> {
                  SloAggregateDao dao = handle.attach(SloAggregateDao.class);
                  dao.deleteEvaluations(rows);
                  dao.insertEvaluations(rows);
                  return null;
                }));
  }

  /** The last evaluation of every SLO evaluated so far, by name. */
  public List<SloEvaluationRecord> evaluations() {
    return attempt(
        "read SLO evaluations", () -> jdbi.onDemand(SloAggregateDao.class).evaluations());
  }

  private void createCursor() {
    if (cursorsExist) {
      return;
    }
    boolean created = true;
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .attach(WorkCursorDao.class)
                  .createAtNewestObservation(CURSOR, StoreColumns.toMillis(clock.instant())));
    } catch (JdbiException e) {
      // another replica created it at the same moment; the lock reads theirs
      created = false;
    }
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .attach(WorkCursorDao.class)
                  .createAtNewestMeasurement(
                      MEASUREMENT_CURSOR, StoreColumns.toMillis(clock.instant())));
    } catch (JdbiException e) {
      // as above
      created = false;
    }
    cursorsExist = created;
  }

  private final class HandleTail implements Tail {
    private final SloAggregateDao dao;
    private final WorkCursorDao cursors;
    private final long position;
    private final long measurementPosition;

    HandleTail(
        SloAggregateDao dao, WorkCursorDao cursors, long position, long measurementPosition) {
      this.dao = dao;
      this.cursors = cursors;
      this.position = position;
      this.measurementPosition = measurementPosition;
    }

    @Override
    public long measurementPosition() {
      return measurementPosition;
    }

    @Override
    public List<SliEvent> measurementsAfter(long after, int limit) {
      return dao.measurementsAfter(after, limit);
    }

    @Override
    public List<SliEvent> measurementHistory(String dataset, Instant since, long upTo) {
      return dao.measurementHistory(dataset, StoreColumns.toMillis(since), upTo);
    }

    @Override
    public long newestMeasurement() {
      return dao.newestMeasurement();
    }

    @Override
    public void advanceMeasurements(long to) {
      cursors.advance(MEASUREMENT_CURSOR, to, StoreColumns.toMillis(clock.instant()));
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public List<SliEvent> eventsAfter(long after, int limit) {
      return dao.eventsAfter(after, limit);
    }

    @Override
    public List<SliEvent> history(String dataset, Instant since, long upTo) {
      return dao.history(dataset, StoreColumns.toMillis(since), upTo);
    }

    @Override
    public List<SloBucket> buckets(String slo) {
      return dao.buckets(slo);
    }

    @Override
    public Optional<String> fingerprint(String slo) {
      return dao.fingerprint(slo);
    }

    @Override
    public Map<String, String> fingerprints() {
      return dao.fingerprints();
    }

    @Override
    public void eachBucket(Consumer<SloBucket> each) {
      dao.allBuckets().forEach(each);
    }

    @Override
    public void rebuild(String slo, String fingerprint, List<SloBucket> buckets) {
      dao.deleteBuckets(slo);
      dao.deleteAggregate(slo);
      if (!buckets.isEmpty()) {
        dao.insert(buckets);
      }
      dao.insertAggregate(slo, fingerprint, StoreColumns.toMillis(clock.instant()));
    }

    @Override
    public void add(List<SloBucket> deltas) {
      if (deltas.isEmpty()) {
        return;
      }
      int[] updated = dao.addTo(deltas);
      List<SloBucket> missing = new ArrayList<>();
      for (int index = 0; index < updated.length; index++) {
        if (updated[index] == 0) {
          missing.add(deltas.get(index));
        }
      }
      if (!missing.isEmpty()) {
        dao.insert(missing);
      }
    }

    @Override
    public void forgetBefore(List<String> slos, int widthSeconds, long bucketNumber) {
      if (!slos.isEmpty()) {
        dao.deleteBucketsBefore(slos, widthSeconds, bucketNumber);
      }
    }

    @Override
    public void advance(long to) {
      cursors.advance(CURSOR, to, StoreColumns.toMillis(clock.instant()));
    }
  }

  private <T> T attempt(String action, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw StoreFailures.failed(url, action, e);
    }
  }
}
