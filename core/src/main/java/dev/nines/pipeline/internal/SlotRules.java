package dev.nines.pipeline.internal;

import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import dev.nines.pipeline.PipelineFinding;
import dev.nines.pipeline.PipelineRule;
import dev.nines.pipeline.PipelineRun;
import dev.nines.pipeline.RunState;
import dev.nines.spec.PipelineSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules that judge one scheduled slot by its time: did a run start by the slot plus grace
 * (missed), and did one complete by the slot's deadline (late).
 */
public final class SlotRules {
  private final PipelineSpec pipeline;
  private final Verdicts verdicts;

  public SlotRules(PipelineSpec pipeline, Verdicts verdicts) {
    this.pipeline = pipeline;
    this.verdicts = verdicts;
  }

  /**
   * PASS once a run started by the slot plus grace; FAIL from that moment on when none did; nothing
   * before it.
   */
  public Optional<PipelineFinding> missed(Instant slot, List<PipelineRun> slotRuns, Instant now) {
    Duration grace = pipeline.grace();
    Instant due = slot.plus(grace);
    Expectation expectation =
        new Expectation(
            new Bounds(null, Verdicts.seconds(grace)),
            null,
            "seconds",
            "starts within " + Verdicts.span(grace) + " of its scheduled time");
    Optional<PipelineRun> onTime =
        slotRuns.stream()
            .filter(run -> !run.firstSeen().isAfter(due))
            .min(Comparator.comparing(PipelineRun::firstSeen));
    if (onTime.isPresent()) {
      PipelineRun run = onTime.get();
      Duration delay = Duration.between(slot, run.firstSeen());
      String when =
          delay.isNegative() || delay.isZero()
              ? "started on time"
              : "started " + Verdicts.span(delay) + " after its scheduled time";
      return Optional.of(
          verdicts.finding(
              PipelineRule.MISSED,
              slot,
              run.runId(),
              Status.PASS,
              Verdicts.seconds(delay),
              expectation,
              when + " " + verdicts.time(slot),
              List.of("run " + run.runId()),
              run.firstSeen()));
    }
    if (now.isBefore(due)) {
      return Optional.empty();
    }
    List<String> details = new ArrayList<>();
    details.add("scheduled " + verdicts.time(slot) + ", due to start by " + verdicts.time(due));
    Optional<PipelineRun> lateStart =
        slotRuns.stream().min(Comparator.comparing(PipelineRun::firstSeen));
    lateStart.ifPresent(
        run ->
            details.add(
                "run " + run.runId() + " started late, at " + verdicts.time(run.firstSeen())));
    return Optional.of(
        verdicts.finding(
            PipelineRule.MISSED,
            slot,
            lateStart.map(PipelineRun::runId).orElse(null),
            Status.FAIL,
            null,
            expectation,
            "missed: no run started within "
                + Verdicts.span(grace)
                + " of its scheduled time "
                + verdicts.time(slot),
            details,
            due));
  }

  /**
   * PASS when a run completed by the deadline, WARN when the first completion came after it, FAIL
   * from the deadline on while none has; nothing before it or without a deadline.
   */
  public Optional<PipelineFinding> late(Instant slot, List<PipelineRun> slotRuns, Instant now) {
    Optional<Duration> within = pipeline.finishWithin();
    if (within.isEmpty()) {
      return Optional.empty();
    }
    Instant deadline = slot.plus(within.get());
    Expectation expectation =
        new Expectation(
            null,
            new Bounds(null, Verdicts.seconds(within.get())),
            "seconds",
            "completes within " + Verdicts.span(within.get()) + " of its scheduled time");
    Optional<PipelineRun> completed =
        slotRuns.stream()
            .filter(run -> run.state() == RunState.COMPLETED && run.endedAt() != null)
            .min(Comparator.comparing(PipelineRun::endedAt));
    if (completed.isPresent()) {
      PipelineRun run = completed.get();
      Duration taken = Duration.between(slot, run.endedAt());
      boolean onTime = !run.endedAt().isAfter(deadline);
      String message =
          "completed "
              + Verdicts.span(taken)
              + " after its scheduled time "
              + verdicts.time(slot)
              + (onTime
                  ? ", within its deadline"
                  : ", "
                      + Verdicts.span(Duration.between(deadline, run.endedAt()))
                      + " past its deadline "
                      + verdicts.time(deadline));
      return Optional.of(
          verdicts.finding(
              PipelineRule.LATE,
              slot,
              run.runId(),
              onTime ? Status.PASS : Status.WARN,
              Verdicts.seconds(taken),
              expectation,
              message,
              List.of("run " + run.runId() + " completed at " + verdicts.time(run.endedAt())),
              run.endedAt()));
    }
    if (now.isBefore(deadline)) {
      return Optional.empty();
    }
    Optional<PipelineRun> latest =
        slotRuns.stream().max(Comparator.comparing(PipelineRun::firstSeen));
    return Optional.of(
        verdicts.finding(
            PipelineRule.LATE,
            slot,
            latest.map(PipelineRun::runId).orElse(null),
            Status.FAIL,
            null,
            expectation,
            "not completed by its deadline "
                + verdicts.time(deadline)
                + " (scheduled "
                + verdicts.time(slot)
                + ")",
            List.of(latest.map(this::describe).orElse("no run started for this slot")),
            deadline));
  }

  private String describe(PipelineRun run) {
    return switch (run.state()) {
      case STARTED, RUNNING ->
          "run " + run.runId() + " is still running since " + verdicts.time(run.firstSeen());
      case FAILED -> "run " + run.runId() + " failed";
      case ABORTED -> "run " + run.runId() + " was aborted";
      case COMPLETED -> "run " + run.runId() + " completed at an unknown time";
    };
  }
}
