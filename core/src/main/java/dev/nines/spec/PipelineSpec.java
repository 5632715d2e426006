package dev.nines.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.pipeline.CronSchedule;
import dev.nines.pipeline.JobPattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is expected of a pipeline: when it runs, how long it may take, what it writes.
 *
 * <p>Timing of one scheduled slot (a fire of {@code schedule}): a run must start by the fire time
 * plus {@code grace}, may run for {@code maxDuration}, and must complete by the fire time plus
 * {@link #finishWithin()}, which is {@code deadline} when set, else {@code grace + maxDuration}.
 *
 * @param name the key under {@code pipelines:}
 * @param jobs the OpenLineage jobs whose runs are this pipeline's runs; by default any namespace
 *     and the pipeline's own name
 * @param schedule when runs are due; null for a pipeline that runs on demand
 * @param grace how late after the scheduled time a run may start (the reader's default is 15m, or
 *     half the time between runs when that is shorter)
 * @param maxDuration how long a run may take, null when unbounded
 * @param deadline how long after the scheduled time a run must have completed, null to derive it
 * @param outputs names of datasets (under {@code datasets:}) it writes
 * @param minRows fewer rows written is a data failure (default 1; 0 accepts empty runs)
 * @param fewRows the learned "unusually few rows" rule, null when turned off
 * @param owner team or person responsible, may be null
 * @param tags free labels
 * @param description may be null
 * @param remediation kept as written, may be null; {@code remediationSpec} is its parsed form
 * @param location where it was declared
 * @param inputs names of datasets (under {@code datasets:}) it reads: datasets it writes are
 *     downstream of them
 * @param remediationSpec how to fix what it produces, null when the spec says nothing
 */
public record PipelineSpec(
    String name,
    List<JobPattern> jobs,
    CronSchedule schedule,
    Duration grace,
    Duration maxDuration,
    Duration deadline,
    List<String> outputs,
    long minRows,
    FewRows fewRows,
    String owner,
    List<String> tags,
    String description,
    JsonNode remediation,
    SpecLocation location,
    List<String> inputs,
    RemediationSpec remediationSpec) {
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
  public static final long DEFAULT_MIN_ROWS = 1;
  private static final ZoneId UTC = ZoneId.of("UTC");

  public PipelineSpec {
    Objects.requireNonNull(name, "name");
    jobs = jobs == null || jobs.isEmpty() ? List.of(new JobPattern(null, name)) : List.copyOf(jobs);
    grace = grace == null ? DEFAULT_GRACE : grace;
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    tags = tags == null ? List.of() : List.copyOf(tags);
    location = location == null ? SpecLocation.UNKNOWN : location;
    if (minRows < 0) {
      throw new IllegalArgumentException("minRows must not be negative");
    }
  }

  /** A pipeline without declared inputs (the form before {@code inputs:} was read). */
  public PipelineSpec(
      String name,
      List<JobPattern> jobs,
      CronSchedule schedule,
      Duration grace,
      Duration maxDuration,
      Duration deadline,
      List<String> outputs,
      long minRows,
      FewRows fewRows,
      String owner,
      List<String> tags,
      String description,
      JsonNode remediation,
      SpecLocation location) {
    this(
        name,
        jobs,
        schedule,
        grace,
        maxDuration,
        deadline,
        outputs,
        minRows,
        fewRows,
        owner,
        tags,
        description,
        remediation,
        location,
        List.of(),
        null);
  }

  /**
   * The rule "a run wrote unusually few rows": fewer than {@code ratio} times the median rows of
   * the last {@code runs} successful runs, judged once at least {@code minRuns} of them are known.
   */
  public record FewRows(double ratio, int runs, int minRuns) {
    public static final FewRows DEFAULT = new FewRows(0.5, 10, 3);

    public FewRows {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("ratio must be in (0, 1], got " + ratio);
      }
      if (runs < 1 || minRuns < 1 || minRuns > runs) {
        throw new IllegalArgumentException("need 1 <= minRuns <= runs");
      }
    }
  }

  /** The zone of the schedule, UTC when it has none. */
  public ZoneId timezone() {
    return schedule == null ? UTC : schedule.zone();
  }

  /** How long after its scheduled time a run must have completed, when that is known. */
  public Optional<Duration> finishWithin() {
    if (deadline != null) {
      return Optional.of(deadline);
    }
    return maxDuration == null ? Optional.empty() : Optional.of(grace.plus(maxDuration));
  }

  /** How to fix what it produces, when the spec says. */
  public Optional<RemediationSpec> remediationAction() {
    return Optional.ofNullable(remediationSpec);
  }

  /** Whether a job's runs are this pipeline's runs. */
  public boolean matches(String jobNamespace, String jobName) {
    return jobs.stream().anyMatch(job -> job.matches(jobNamespace, jobName));
  }

  /** Printable form without the remediation, which may hold urls with tokens. */
  @Override
  public String toString() {
    return "PipelineSpec[name="
        + name
        + ", jobs="
        + jobs
        + ", schedule="
        + schedule
        + ", grace="
        + grace
        + ", maxDuration="
        + maxDuration
        + ", deadline="
        + deadline
        + ", outputs="
        + outputs
        + "]";
  }
}
