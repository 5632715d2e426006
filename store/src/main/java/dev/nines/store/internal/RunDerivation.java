package dev.nines.store.internal;

import dev.nines.store.LineageEventRecord;
import dev.nines.store.PipelineRunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** The new state of the runs a group of events touches, derived with as little reading as exact. */
final class RunDerivation {
  private RunDerivation() {}

  /**
   * Locks and reads the runs' rows, then derives each run: from its new events alone when it has no
   * row yet, by folding the new events into its row when they are its newest (the usual case), and
   * from all of its stored events otherwise (late or out-of-order events).
   */
  static RunWrites deriveRuns(LineageDao dao, Map<UUID, List<EventFacts>> newEventsByRun) {
    List<UUID> runIds = new ArrayList<>(new TreeSet<>(newEventsByRun.keySet()));
    Map<UUID, PipelineRunRecord> stored = new HashMap<>();
    for (PipelineRunRecord run : dao.lockRunRows(LineageWriter.padded(runIds))) {
      stored.put(run.runId(), run);
    }
    Map<UUID, PipelineRunRecord> derived = new HashMap<>();
    List<UUID> rederive = new ArrayList<>();
    for (UUID runId : runIds) {
      List<EventFacts> added = newEventsByRun.get(runId);
      PipelineRunRecord run = stored.get(runId);
      if (!added.stream().allMatch(RunDerivation::storedExactly)) {
        rederive.add(runId);
      } else if (run == null) {
        derived.put(runId, RunStates.derive(runId, added));
      } else if (RunStates.canFold(run, added)) {
        derived.put(runId, RunStates.fold(run, added));
      } else {
        rederive.add(runId);
      }
    }
    if (!rederive.isEmpty()) {
      Map<UUID, List<EventFacts>> eventsByRun = new HashMap<>();
      for (RunEventFacts row : dao.eventsOfRuns(LineageWriter.padded(rederive))) {
        eventsByRun.computeIfAbsent(row.runId(), id -> new ArrayList<>()).add(row.facts());
      }
      for (UUID runId : rederive) {
        derived.put(runId, RunStates.derive(runId, eventsByRun.get(runId)));
      }
    }
    List<DerivedRun> inserts = new ArrayList<>();
    List<DerivedRun> updates = new ArrayList<>();
    for (UUID runId : runIds) {
      (stored.containsKey(runId) ? updates : inserts).add(DerivedRun.of(derived.get(runId)));
    }
    return new RunWrites(inserts, updates);
  }

  /** The rows of runs to insert (no row yet) and to update (row locked). */
  record RunWrites(List<DerivedRun> inserts, List<DerivedRun> updates) {
    static final RunWrites NONE = new RunWrites(List.of(), List.of());
  }

  static EventFacts factsOf(LineageEventRecord event) {
    return new EventFacts(
        event.eventType(),
        event.eventTime(),
        event.jobNamespace(),
        event.jobName(),
        event.parentRunId(),
        event.nominalStart(),
        event.nominalEnd(),
        event.errorMessage(),
        event.stackTrace(),
        event.rowsWritten());
  }

  /**
   * Whether the database keeps the event's times as they are (to the microsecond): a run derived in
   * memory then equals one derived from the stored events, which the database rounded.
   */
  private static boolean storedExactly(EventFacts event) {
    return microseconds(event.eventTime())
        && microseconds(event.nominalStart())
        && microseconds(event.nominalEnd());
  }

  private static boolean microseconds(Instant instant) {
    return instant == null || instant.getNano() % 1_000 == 0;
  }
}
