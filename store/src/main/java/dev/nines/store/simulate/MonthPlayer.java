package dev.nines.store.simulate;

import dev.nines.NinesException;
import dev.nines.incident.IncidentManager;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.run.RunResult;
import dev.nines.simulate.MetricStream;
import dev.nines.simulate.Scenario;
import dev.nines.slo.AlertLevel;
import dev.nines.spec.Spec;
import dev.nines.spec.Values;
import dev.nines.store.IncidentQuery;
import dev.nines.store.NinesStore;
import dev.nines.store.slo.SloPass;
import dev.nines.store.slo.SloResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plays a scenario's month into an empty store, step by step with an injected clock: each step
 * saves the looks and metric reports since the last one as a run, lets the incident manager process
 * them, runs the SLO pass (whose burn alerts become observations) and lets the incident manager
 * process those too, as the server's loops would. Deterministic: the same scenario and spec write
 * the same month.
 */
public final class MonthPlayer {
  private final NinesStore store;
  private final Spec spec;
  private final Scenario scenario;
  private final Looks looks;

  public MonthPlayer(NinesStore store, Spec spec, Scenario scenario) {
    this.store = Objects.requireNonNull(store, "store");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.looks = new Looks(spec, scenario);
  }

  /**
   * Plays the month; {@code dayDone} hears the start of each day played (for progress).
   *
   * @throws NinesException when the store already holds check runs, incidents or pipeline runs: a
   *     simulated month must not mix with real history
   */
  public PlayedMonth play(Consumer<Instant> dayDone) {
    return play(dayDone, now -> {});
  }

  /**
   * Plays the month; {@code afterStep} runs after each step's incidents and SLOs are processed,
   * with the step's time (e.g. a notifier deciding what would have been sent then).
   */
  public PlayedMonth play(Consumer<Instant> dayDone, Consumer<Instant> afterStep) {
    if (!store.runs(1).isEmpty()
        || !store.incidents().list(IncidentQuery.ALL, 1, 0).isEmpty()
        || !store.jobsSeen().isEmpty()) {
      throw new NinesException(
          "the store "
              + store.location()
              + " already holds check runs, incidents or pipeline runs; a simulated month is played"
              + " into an empty store so that it does not mix with real history");
    }
    long began = System.nanoTime();
    store.incidents().startTailing();
    Instant start = scenario.start();
    Instant end = scenario.end();
    Duration step = scenario.evaluateEvery();
    Instant nextLook = start;
    Map<MetricStream, Long> reported = new HashMap<>();
    Map<String, AlertLevel> levels = new HashMap<>();
    List<BurnChange> burns = new ArrayList<>();
    long observations = 0;
    long measurements = 0;
    int passes = 0;
    Instant nextDay = start;
    Instant nextEscalation = start;
    for (Instant now = start; ; now = now.plus(step)) {
      Instant upTo = now.isBefore(end) ? now : end.minusNanos(1);
      List<Observation> seen = new ArrayList<>();
      while (!nextLook.isAfter(upTo)) {
        seen.addAll(looks.at(nextLook));
        nextLook = nextLook.plus(scenario.every());
      }
      List<Measurement> metrics = new ArrayList<>();
      for (MetricStream stream : scenario.metrics()) {
        long index = reported.getOrDefault(stream, 0L);
        for (Instant at = start.plus(stream.every().multipliedBy(index));
            !at.isAfter(upTo);
            at = start.plus(stream.every().multipliedBy(++index))) {
          metrics.add(looks.report(stream, index, at));
        }
        reported.put(stream, index);
      }
      if (!seen.isEmpty() || !metrics.isEmpty()) {
        store.save(
            new RunResult(
                UUID.nameUUIDFromBytes(("simulated " + now).getBytes(StandardCharsets.UTF_8)),
                now.minus(step),
                now,
                seen,
                metrics,
                List.of()),
            spec.files());
        observations += seen.size();
        measurements += metrics.size();
      }
      IncidentManager manager = new IncidentManager(spec, Clock.fixed(now, ZoneOffset.UTC));
      store.incidents().process(manager);
      if (!spec.slos().isEmpty()) {
        for (SloResult result : store.slos().evaluate(spec, now)) {
          noteBurn(result, now, levels, burns);
        }
        store.incidents().process(manager);
      }
      if (!now.isBefore(nextEscalation)) {
        store.incidents().escalate(manager);
        nextEscalation = nextEscalation.plus(Duration.ofHours(1));
      }
      afterStep.accept(now);
      passes++;
      if (!now.isBefore(nextDay)) {
        dayDone.accept(nextDay);
        nextDay = nextDay.plus(Duration.ofDays(1));
      }
      if (!now.isBefore(end)) {
        break;
      }
    }
    return new PlayedMonth(
        scenario,
        passes,
        observations,
        measurements,
        burns,
        Duration.ofNanos(System.nanoTime() - began));
  }

  private static void noteBurn(
      SloResult result, Instant now, Map<String, AlertLevel> levels, List<BurnChange> burns) {
    if (result.status().isEmpty()) {
      return;
    }
    var alert = result.status().get().alert();
    AlertLevel before = levels.getOrDefault(result.name(), AlertLevel.NONE);
    if (alert.level() == before) {
      return;
    }
    levels.put(result.name(), alert.level());
    String burn =
        alert.longRate().isEmpty() || alert.fired().isEmpty()
            ? null
            : SloPass.rounded(alert.longRate().get().rate())
                + "× over "
                + Values.human(alert.fired().get().longWindow()).replace(" ", "");
    burns.add(new BurnChange(result.name(), before, alert.level(), now, burn));
  }
}
