package dev.nines.pipeline;

import dev.nines.observation.Observation;
import dev.nines.pipeline.internal.RowRule;
import dev.nines.pipeline.internal.RunHistory;
import dev.nines.pipeline.internal.RunRules;
import dev.nines.pipeline.internal.SlotRules;
import dev.nines.pipeline.internal.Verdicts;
import dev.nines.spec.PipelineSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a pipeline's recent runs against its expectations at the clock's current time.
 *
 * <p>Each scheduled slot (a fire of the schedule) is judged by its time: {@link
 * PipelineRule#MISSED} once the slot plus grace has passed, {@link PipelineRule#LATE} by its
 * deadline. Each run is judged by its id: {@link PipelineRule#FAILED}, {@link
 * PipelineRule#TIMEOUT}, {@link PipelineRule#ROWS}, {@link PipelineRule#AT_RISK}. A slot or run not
 * yet due yields nothing. Every verdict is observed at the moment it became true (the slot plus
 * grace, the deadline, the end of a run, its start plus max_duration), never at "now", so
 * evaluating again gives equal findings until new events change them.
 *
 * <p>A run belongs to the slot of its nominal time when that is a fire of the schedule, else to the
 * last fire at or before its start. The caller passes every run of the pipeline that started within
 * the lookback, plus enough older successful runs to learn typical durations and row counts.
 */
public final class PipelineWatcher {
  private final Clock clock;
  private final WatchSettings settings;

  public PipelineWatcher(Clock clock) {
    this(clock, WatchSettings.DEFAULT);
  }

  public PipelineWatcher(Clock clock, WatchSettings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The findings of a pipeline now, in the order they became true. */
  public List<PipelineFinding> evaluate(PipelineSpec pipeline, List<PipelineRun> runs) {
    return evaluate(pipeline, runs, Instant.MIN);
  }

  /**
   * The findings of a pipeline now, judging no slot scheduled before {@code watchedSince} (e.g.
   * when the pipeline was added to the spec, so a new pipeline does not report its past as missed).
   */
  public List<PipelineFinding> evaluate(
      PipelineSpec pipeline, List<PipelineRun> runs, Instant watchedSince) {
    Instant now = clock.instant();
    Instant lookbackStart = now.minus(settings.lookback());
    // a slot stays in view until its deadline has been judged, even past a short lookback
    Duration slotReach = pipeline.finishWithin().orElse(pipeline.grace()).plusMinutes(1);
    Instant slotLookback =
        slotReach.compareTo(settings.lookback()) > 0 ? now.minus(slotReach) : lookbackStart;
    Instant windowStart = watchedSince.isAfter(slotLookback) ? watchedSince : slotLookback;
    List<PipelineRun> known =
        runs.stream()
            .filter(run -> run.firstSeen() != null)
            .filter(run -> run.pipeline() == null || run.pipeline().equals(pipeline.name()))
            .sorted(Comparator.comparing(PipelineRun::firstSeen))
            .toList();
    Verdicts verdicts = new Verdicts(pipeline);
    RunHistory history = new RunHistory(known);
    List<PipelineFinding> findings = new ArrayList<>();
    Map<PipelineRun, Instant> slotOfRun = new HashMap<>();
    CronSchedule schedule = pipeline.schedule();
    if (schedule != null) {
      Map<Instant, List<PipelineRun>> runsOfSlot = new HashMap<>();
      for (PipelineRun run : known) {
        Instant slot = slotOf(run, schedule);
        slotOfRun.put(run, slot);
        runsOfSlot.computeIfAbsent(slot, key -> new ArrayList<>()).add(run);
      }
      SlotRules slotRules = new SlotRules(pipeline, verdicts);
      for (Instant slot : slots(schedule, windowStart, now)) {
        List<PipelineRun> slotRuns = runsOfSlot.getOrDefault(slot, List.of());
        slotRules.missed(slot, slotRuns, now).ifPresent(findings::add);
        slotRules.late(slot, slotRuns, now).ifPresent(findings::add);
      }
    }
    RunRules runRules = new RunRules(pipeline, verdicts, history, settings);
    RowRule rowRule = new RowRule(pipeline, verdicts, history);
    for (PipelineRun run : known) {
      if (run.firstSeen().isBefore(lookbackStart) && run.state().isFinished()) {
        continue;
      }
      Instant slot = slotOfRun.get(run);
      runRules.failed(run, slot).ifPresent(findings::add);
      runRules.timeout(run, slot, now).ifPresent(findings::add);
      rowRule.judge(run, slot).ifPresent(findings::add);
      runRules.atRisk(run, slot, now).ifPresent(findings::add);
    }
    findings.sort(
        Comparator.comparing((PipelineFinding finding) -> finding.observation().observedAt())
            .thenComparing(PipelineFinding::rule)
            .thenComparing(PipelineFinding::key));
    return List.copyOf(findings);
  }

  /** The findings' observations, for callers that need nothing else. */
  public List<Observation> observations(PipelineSpec pipeline, List<PipelineRun> runs) {
    return evaluate(pipeline, runs).stream().map(PipelineFinding::observation).toList();
  }

  private List<Instant> slots(CronSchedule schedule, Instant windowStart, Instant now) {
    List<Instant> slots = new ArrayList<>();
    Instant fire = schedule.previousFire(now);
    while (slots.size() < settings.maxSlots() && !fire.isBefore(windowStart)) {
      slots.add(fire);
      fire = schedule.previousFire(fire.minusSeconds(1));
    }
    Collections.reverse(slots);
    return slots;
  }

  private static Instant slotOf(PipelineRun run, CronSchedule schedule) {
    Instant nominal = run.nominalTime();
    if (nominal != null && schedule.previousFire(nominal).equals(nominal)) {
      return nominal;
    }
    return schedule.previousFire(run.firstSeen());
  }

  /** The slot a run belongs to under a pipeline's schedule, if it has one. */
  public static Optional<Instant> slotOf(PipelineSpec pipeline, PipelineRun run) {
    return pipeline.schedule() == null || run.firstSeen() == null
        ? Optional.empty()
        : Optional.of(slotOf(run, pipeline.schedule()));
  }
}
