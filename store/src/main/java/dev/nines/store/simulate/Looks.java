package dev.nines.store.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.observation.Bounds;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Expectation;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.simulate.Fault;
import dev.nines.simulate.MetricStream;
import dev.nines.simulate.Scenario;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import dev.nines.spec.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What each check sees and each metric stream reports at a moment of the scenario. */
final class Looks {
  private final Spec spec;
  private final Scenario scenario;

  Looks(Spec spec, Scenario scenario) {
    this.spec = spec;
    this.scenario = scenario;
  }

  /** Every check of the spec looking at {@code at}. */
  List<Observation> at(Instant at) {
    List<Observation> observations = new ArrayList<>();
    for (DatasetSpec dataset : spec.datasets().values()) {
      for (CheckSpec check : dataset.checks()) {
        observations.add(look(dataset, check, at));
      }
    }
    return observations;
  }

  private Observation look(DatasetSpec dataset, CheckSpec check, Instant at) {
    for (Fault fault : scenario.faults()) {
      if (fault instanceof Fault.SourceDown down
          && down.source().equals(dataset.source())
          && fault.covers(at)) {
        return observation(
            dataset,
            check,
            Status.ERROR,
            null,
            null,
            about(fault, "cannot connect to source " + down.source()),
            at);
      }
    }
    Double age = null;
    Expectation expectation = null;
    Status status = Status.PASS;
    String message = check.name() + " passed";
    if ("freshness".equals(check.type())) {
      Duration since = Duration.between(lastLoad(dataset.name(), at), at);
      age = (double) since.toSeconds();
      status = freshness(check, since);
      expectation = freshnessBounds(check);
      message = "newest load is " + Values.human(since) + " old";
    }
    for (Fault fault : scenario.faults()) {
      if (fault instanceof Fault.CheckStatus failing
          && failing.dataset().equals(dataset.name())
          && failing.check().equals(check.name())
          && fault.covers(at)) {
        status = failing.status();
        message = about(fault, check.name() + (status == Status.WARN ? " warned" : " failed"));
      }
    }
    return observation(dataset, check, status, age, expectation, message, at);
  }

  /** What a real freshness check states: ages in seconds, so the incident knows its start. */
  private static Expectation freshnessBounds(CheckSpec check) {
    Duration fail = threshold(check.options().get("fail"));
    Duration warn = threshold(check.options().get("warn"));
    return new Expectation(
        new Bounds(null, fail == null ? null : (double) fail.toSeconds()),
        new Bounds(null, warn == null ? null : (double) warn.toSeconds()),
        "seconds",
        fail == null ? "" : "≤ " + Values.human(fail));
  }

  private static String about(Fault fault, String otherwise) {
    return "simulated: " + (fault.about() == null ? otherwise : fault.about());
  }

  /** The newest load at or before {@code at}: loads come every period unless a fault stops them. */
  Instant lastLoad(String dataset, Instant at) {
    Duration every = scenario.loadEvery(dataset);
    long periods =
        Math.floorDiv(Duration.between(scenario.start(), at).toMillis(), every.toMillis());
    Instant load = scenario.start().plus(every.multipliedBy(periods));
    while (stopped(dataset, load)) {
      load = load.minus(every);
    }
    return load;
  }

  private boolean stopped(String dataset, Instant load) {
    for (Fault fault : scenario.faults()) {
      if (fault instanceof Fault.NoLoads none
          && none.dataset().equals(dataset)
          && fault.covers(load)) {
        return true;
      }
    }
    return false;
  }

  private static Status freshness(CheckSpec check, Duration age) {
    Duration fail = threshold(check.options().get("fail"));
    Duration warn = threshold(check.options().get("warn"));
    if (fail != null && age.compareTo(fail) > 0) {
      return Status.FAIL;
    }
    if (warn != null && age.compareTo(warn) > 0) {
      return Status.WARN;
    }
    return Status.PASS;
  }

  private static Duration threshold(JsonNode value) {
    return value == null || !value.isTextual() ? null : Values.duration(value.textValue());
  }

  /** The report of {@code stream} at {@code at}, the {@code index}-th since the month began. */
  Measurement report(MetricStream stream, long index, Instant at) {
    double value = stream.value();
    for (Fault fault : scenario.faults()) {
      if (fault instanceof Fault.MetricValue changed
          && changed.dataset().equals(stream.dataset())
          && changed.metric().equals(stream.metric())
          && fault.covers(at)) {
        long since = Duration.between(fault.from(), at).toMillis() / stream.every().toMillis();
        if (changed.hits(since)) {
          value = changed.value();
        }
      }
    }
    return new Measurement(stream.dataset(), stream.metric(), stream.metric(), value, at);
  }

  private static Observation observation(
      DatasetSpec dataset,
      CheckSpec check,
      Status status,
      Double value,
      Expectation expectation,
      String message,
      Instant at) {
    boolean down = status == Status.ERROR;
    return new Observation(
        dataset.name(),
        check.name(),
        check.type(),
        status,
        down ? Kind.SYSTEM : Kind.DATA,
        down ? ErrorCategory.CONNECTION : null,
        value,
        expectation,
        message,
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }
}
