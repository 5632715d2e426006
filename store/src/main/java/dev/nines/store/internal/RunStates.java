package dev.nines.store.internal;

import dev.nines.store.PipelineRunRecord;
import dev.nines.store.PipelineRunState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Derives a run's state from all of its events, whatever order they arrived in: a terminal event
 * (COMPLETE, FAIL, ABORT) wins over START, RUNNING and OTHER; the start is the earliest START.
 */
public final class RunStates {
  private RunStates() {}

  /** The run's state; {@code events} holds at least one event. */
  public static PipelineRunRecord derive(UUID runId, List<EventFacts> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a run is derived from at least one event");
    }
    List<EventFacts> byTime =
        events.stream().sorted(Comparator.comparing(EventFacts::eventTime)).toList();
    Optional<EventFacts> terminal =
        byTime.stream()
            .filter(event -> stateOf(event).terminal())
            .max(
                Comparator.comparing(EventFacts::eventTime)
                    .thenComparing(event -> terminalRank(stateOf(event))));
    PipelineRunState state =
        terminal
            .map(RunStates::stateOf)
            .orElseGet(
                () ->
                    byTime.stream().anyMatch(event -> stateOf(event) == PipelineRunState.RUNNING)
                        ? PipelineRunState.RUNNING
                        : PipelineRunState.UNKNOWN);
    Instant startedAt =
        byTime.stream()
            .filter(event -> "START".equals(event.eventType()))
            .map(EventFacts::eventTime)
            .findFirst()
            .orElse(null);
    Instant endedAt = terminal.map(EventFacts::eventTime).orElse(null);
    Duration duration =
        startedAt == null || endedAt == null || endedAt.isBefore(startedAt)
            ? null
            : Duration.between(startedAt, endedAt);
    EventFacts errorSource =
        terminal
            .filter(event -> event.errorMessage() != null)
            .orElseGet(() -> latest(byTime, EventFacts::errorMessage));
    return new PipelineRunRecord(
        runId,
        valueOf(latest(byTime, EventFacts::jobNamespace), EventFacts::jobNamespace),
        valueOf(latest(byTime, EventFacts::jobName), EventFacts::jobName),
        valueOf(latest(byTime, EventFacts::parentRunId), EventFacts::parentRunId),
        state,
        valueOf(latest(byTime, EventFacts::nominalStart), EventFacts::nominalStart),
        valueOf(latest(byTime, EventFacts::nominalEnd), EventFacts::nominalEnd),
        startedAt,
        endedAt,
        duration,
        valueOf(errorSource, EventFacts::errorMessage),
        valueOf(errorSource, EventFacts::stackTrace),
        valueOf(latest(byTime, EventFacts::rowsWritten), EventFacts::rowsWritten),
        byTime.size(),
        byTime.get(byTime.size() - 1).eventTime());
  }

  /** The state one event speaks for: START and RUNNING both mean running, OTHER nothing. */
  static PipelineRunState stateOf(EventFacts event) {
    String type = event.eventType() == null ? "OTHER" : event.eventType();
    return switch (type) {
      case "START", "RUNNING" -> PipelineRunState.RUNNING;
      case "COMPLETE" -> PipelineRunState.COMPLETE;
      case "FAIL" -> PipelineRunState.FAIL;
      case "ABORT" -> PipelineRunState.ABORT;
      default -> PipelineRunState.UNKNOWN;
    };
  }

  /** On equal times a failure is the more telling end. */
  private static int terminalRank(PipelineRunState state) {
    return switch (state) {
      case FAIL -> 3;
      case ABORT -> 2;
      default -> 1;
    };
  }

  private static EventFacts latest(List<EventFacts> byTime, Function<EventFacts, ?> field) {
    for (int i = byTime.size() - 1; i >= 0; i--) {
      if (field.apply(byTime.get(i)) != null) {
        return byTime.get(i);
      }
    }
    return null;
  }

  private static <T> T valueOf(EventFacts event, Function<EventFacts, T> field) {
    return event == null ? null : field.apply(event);
  }
}
