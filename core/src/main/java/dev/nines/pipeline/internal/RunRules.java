package dev.nines.pipeline.internal;

import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import dev.nines.pipeline.PipelineFinding;
import dev.nines.pipeline.PipelineRule;
import dev.nines.pipeline.PipelineRun;
import dev.nines.pipeline.RunState;
import dev.nines.pipeline.WatchSettings;
import dev.nines.spec.PipelineSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules that judge one run by its id: failed, timeout and at risk. */
public final class RunRules {
  private static final int MAX_ERROR_LINES = 40;

  private final PipelineSpec pipeline;
  private final Verdicts verdicts;
  private final RunHistory history;
  private final WatchSettings settings;

  public RunRules(
      PipelineSpec pipeline, Verdicts verdicts, RunHistory history, WatchSettings settings) {
    this.pipeline = pipeline;
    this.verdicts = verdicts;
    this.history = history;
    this.settings = settings;
  }

  /** PASS when it completed, FAIL when it failed or was aborted, nothing while it runs. */
  public Optional<PipelineFinding> failed(PipelineRun run, Instant slot) {
    if (!run.state().isFinished()) {
      return Optional.empty();
    }
    Instant at = run.endedAt() != null ? run.endedAt() : run.firstSeen();
    Expectation expectation = new Expectation(null, null, null, "completes without error");
    if (run.state() == RunState.COMPLETED) {
      return Optional.of(
          verdicts.finding(
              PipelineRule.FAILED,
              slot,
              run.runId(),
              Status.PASS,
              null,
              expectation,
              "completed",
              List.of(identity(run)),
              at));
    }
    String error = run.errorMessage() == null ? "" : run.errorMessage().strip();
    List<String> details = new ArrayList<>();
    details.add(identity(run));
    error.lines().limit(MAX_ERROR_LINES).forEach(details::add);
    String firstLine = error.lines().findFirst().orElse("");
    String message =
        run.state() == RunState.ABORTED
            ? "aborted" + (firstLine.isEmpty() ? "" : ": " + firstLine)
            : firstLine.isEmpty() ? "failed without an error message" : "failed: " + firstLine;
    return Optional.of(
        verdicts.finding(
            PipelineRule.FAILED,
            slot,
            run.runId(),
            Status.FAIL,
            null,
            expectation,
            message,
            details,
            at));
  }

  /**
   * FAIL from the moment a run passes max_duration (running or not), PASS when it finished within
   * it; nothing without max_duration or a known start.
   */
  public Optional<PipelineFinding> timeout(PipelineRun run, Instant slot, Instant now) {
    Duration max = pipeline.maxDuration();
    if (max == null || run.startedAt() == null) {
      return Optional.empty();
    }
    Instant limit = run.startedAt().plus(max);
    Expectation expectation =
        new Expectation(
            new Bounds(null, Verdicts.seconds(max)),
            null,
            "seconds",
            "runs at most " + Verdicts.span(max));
    Optional<Duration> took = run.state().isFinished() ? run.duration() : Optional.empty();
    if (took.isPresent()) {
      boolean within = took.get().compareTo(max) <= 0;
      return Optional.of(
          verdicts.finding(
              PipelineRule.TIMEOUT,
              slot,
              run.runId(),
              within ? Status.PASS : Status.FAIL,
              Verdicts.seconds(took.get()),
              expectation,
              "ran "
                  + Verdicts.span(took.get())
                  + (within ? ", within" : ", longer than")
                  + " its max_duration "
                  + Verdicts.span(max),
              List.of(identity(run)),
              within ? run.endedAt() : limit));
    }
    if (run.state().isFinished() || now.isBefore(limit)) {
      return Optional.empty();
    }
    return Optional.of(
        verdicts.finding(
            PipelineRule.TIMEOUT,
            slot,
            run.runId(),
            Status.FAIL,
            Verdicts.seconds(max),
            expectation,
            "timeout: still running after its max_duration "
                + Verdicts.span(max)
                + " (started "
                + verdicts.time(run.startedAt())
                + ")",
            List.of(identity(run)),
            limit));
  }

  /**
   * WARN while a run still going will, at its typical pace, not complete by its deadline (or its
   * max_duration, whichever comes first): from its start when a typical run would already end too
   * late, else once it has run for the longer of its typical duration and {@code atRiskShare} of
   * its time to the deadline. Raised only before the deadline; PASS once the run finished.
   */
  public Optional<PipelineFinding> atRisk(PipelineRun run, Instant slot, Instant now) {
    if (run.startedAt() == null) {
      return Optional.empty();
    }
    Instant start = run.startedAt();
    Instant deadline = null;
    String deadlineName = null;
    Optional<Duration> within = pipeline.finishWithin();
    if (slot != null && within.isPresent()) {
      deadline = slot.plus(within.get());
      deadlineName = "its deadline";
    }
    if (pipeline.maxDuration() != null) {
      Instant limit = start.plus(pipeline.maxDuration());
      if (deadline == null || limit.isBefore(deadline)) {
        deadline = limit;
        deadlineName = "its max_duration";
      }
    }
    if (deadline == null) {
      return Optional.empty();
    }
    Expectation expectation =
        new Expectation(null, null, null, "completes by " + verdicts.time(deadline));
    if (run.state().isFinished()) {
      return run.endedAt() == null
          ? Optional.empty()
          : Optional.of(
              verdicts.finding(
                  PipelineRule.AT_RISK,
                  slot,
                  run.runId(),
                  Status.PASS,
                  null,
                  expectation,
                  "finished at " + verdicts.time(run.endedAt()),
                  List.of(identity(run)),
                  run.endedAt()));
    }
    Optional<Duration> typical =
        history.typicalDuration(start, settings.typicalRuns(), settings.typicalMinRuns());
    Instant riskAt;
    String reason;
    if (typical.isPresent() && start.plus(typical.get()).isAfter(deadline)) {
      riskAt = start;
      reason =
          "started "
              + verdicts.time(start)
              + " and a typical run takes "
              + Verdicts.span(typical.get());
    } else {
      Duration window = Duration.between(start, deadline);
      Duration share = Duration.ofMillis(Math.round(window.toMillis() * settings.atRiskShare()));
      Duration wait = typical.filter(time -> time.compareTo(share) > 0).orElse(share);
      riskAt = start.plus(wait);
      reason =
          "still running "
              + Verdicts.span(wait)
              + " after its start "
              + verdicts.time(start)
              + typical
                  .map(time -> "; a typical run takes " + Verdicts.span(time))
                  .orElse(
                      ", "
                          + Math.round(settings.atRiskShare() * 100)
                          + "% of its time to "
                          + deadlineName);
    }
    if (!riskAt.isBefore(deadline) || now.isBefore(riskAt)) {
      return Optional.empty();
    }
    return Optional.of(
        verdicts.finding(
            PipelineRule.AT_RISK,
            slot,
            run.runId(),
            Status.WARN,
            null,
            expectation,
            "at risk of missing " + deadlineName + " " + verdicts.time(deadline) + ": " + reason,
            List.of(identity(run)),
            riskAt));
  }

  static String identity(PipelineRun run) {
    String job =
        run.jobNamespace() == null ? run.jobName() : run.jobNamespace() + "/" + run.jobName();
    return "run " + run.runId() + (job == null ? "" : " of job " + job);
  }
}
