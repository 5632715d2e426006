package dev.nines.spec;

import dev.nines.slo.BudgetingMethod;
import java.time.Duration;
import java.util.Objects;

/**
 * What an SLO measures: one of five kinds, each written as {@code sli: { <kind>: ... }}.
 *
 * <ul>
 *   <li>{@link Freshness}: good time while the dataset is no older than {@code max_age}, computed
 *       from load times (time slices).
 *   <li>{@link CheckResults}: a check's observations, PASS good and FAIL bad; WARN good unless
 *       {@code warn: bad}; an ERROR (the check could not run) is no data (occurrences).
 *   <li>{@link PipelineRuns}: good runs succeeded and on time (occurrences).
 *   <li>{@link MetricThreshold}: each stored measurement of a metric is an event, good within
 *       {@code good: {min, max}} (occurrences).
 *   <li>{@link MetricRatio}: the sum of one stored metric over the sum of another (occurrences).
 * </ul>
 */
public sealed interface SliSpec {

  /** The budgeting method an SLO with this SLI uses unless it says otherwise. */
  BudgetingMethod defaultBudgeting();

  /** The kind as written, e.g. {@code freshness}. */
  String kind();

  /** A metric stored for a dataset (or, later, a service). */
  record MetricRef(String dataset, String metric) {
    public MetricRef {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(metric, "metric");
    }
  }

  /**
   * @param dataset a key under datasets:
   * @param maxAge the age past which the dataset is stale
   * @param maxGap samples further apart than this leave the time between them unknown
   */
  record Freshness(String dataset, Duration maxAge, Duration maxGap) implements SliSpec {
    public static final Duration DEFAULT_MAX_GAP = Duration.ofHours(1);

    public Freshness {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(maxAge, "maxAge");
      maxGap = maxGap == null ? DEFAULT_MAX_GAP : maxGap;
    }

    @Override
    public BudgetingMethod defaultBudgeting() {
      return BudgetingMethod.TIMESLICES;
    }

    @Override
    public String kind() {
      return "freshness";
    }
  }

  /**
   * @param dataset the check's dataset
   * @param check the check's name within it
   * @param warnIsGood whether a WARN counts as good (the default) or bad
   */
  record CheckResults(String dataset, String check, boolean warnIsGood) implements SliSpec {
    public CheckResults {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(check, "check");
    }

    @Override
    public BudgetingMethod defaultBudgeting() {
      return BudgetingMethod.OCCURRENCES;
    }

    @Override
    public String kind() {
      return "check";
    }
  }

  /**
   * @param pipeline a key under pipelines:
   */
  record PipelineRuns(String pipeline) implements SliSpec {
    public PipelineRuns {
      Objects.requireNonNull(pipeline, "pipeline");
    }

    @Override
    public BudgetingMethod defaultBudgeting() {
      return BudgetingMethod.OCCURRENCES;
    }

    @Override
    public String kind() {
      return "pipeline";
    }
  }

  /**
   * @param metric the stored metric
   * @param min good when at least this, null for no lower bound
   * @param max good when at most this, null for no upper bound
   */
  record MetricThreshold(MetricRef metric, Double min, Double max) implements SliSpec {
    public MetricThreshold {
      Objects.requireNonNull(metric, "metric");
      if (min == null && max == null) {
        throw new IllegalArgumentException("a threshold SLI needs min or max");
      }
    }

    @Override
    public BudgetingMethod defaultBudgeting() {
      return BudgetingMethod.OCCURRENCES;
    }

    @Override
    public String kind() {
      return "metric";
    }
  }

  /**
   * @param good the metric counting good events; @param total the one counting all events
   */
  record MetricRatio(MetricRef good, MetricRef total) implements SliSpec {
    public MetricRatio {
      Objects.requireNonNull(good, "good");
      Objects.requireNonNull(total, "total");
    }

    @Override
    public BudgetingMethod defaultBudgeting() {
      return BudgetingMethod.OCCURRENCES;
    }

    @Override
    public String kind() {
      return "ratio";
    }
  }
}
