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
    Duration duration = durationOf(startedAt, endedAt);
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

  /**
   * Whether {@link #fold} gives what {@link #derive} would give over the stored events and {@code
   * added}: the run has no terminal event yet, and none of the added events is older than its
   * newest event (the usual in-order arrival). Late or out-of-order events are derived again from
   * every event of the run.
   */
  public static boolean canFold(PipelineRunRecord stored, List<EventFacts> added) {
    if (stored.state().terminal() || added.isEmpty()) {
      return false;
    }
    return added.stream().noneMatch(event -> event.eventTime().isBefore(stored.lastEventAt()));
  }

  /**
   * The run's state once {@code added} (in arrival order) joined the events {@code stored} was
   * derived from, without those events: the added ones are the newest (see {@link #canFold}), so
   * each of their non-null fields wins, and the stored run still speaks for the others.
   */
  public static PipelineRunRecord fold(PipelineRunRecord stored, List<EventFacts> added) {
    if (!canFold(stored, added)) {
      throw new IllegalArgumentException("these events cannot be folded into the stored run");
    }
    PipelineRunRecord news = derive(stored.runId(), added);
    PipelineRunState state =
        news.state().terminal()
            ? news.state()
            : stored.state() == PipelineRunState.RUNNING || news.state() == PipelineRunState.RUNNING
                ? PipelineRunState.RUNNING
                : PipelineRunState.UNKNOWN;
    Instant startedAt = earliest(stored.startedAt(), news.startedAt());
    Instant endedAt = news.endedAt();
    boolean newError = news.errorMessage() != null;
    return new PipelineRunRecord(
        stored.runId(),
        firstNonNull(news.jobNamespace(), stored.jobNamespace()),
        firstNonNull(news.jobName(), stored.jobName()),
        firstNonNull(news.parentRunId(), stored.parentRunId()),
        state,
        firstNonNull(news.nominalStart(), stored.nominalStart()),
        firstNonNull(news.nominalEnd(), stored.nominalEnd()),
        startedAt,
        endedAt,
        durationOf(startedAt, endedAt),
        newError ? news.errorMessage() : stored.errorMessage(),
        newError ? news.stackTrace() : stored.stackTrace(),
        firstNonNull(news.rowsWritten(), stored.rowsWritten()),
        stored.eventCount() + added.size(),
        news.lastEventAt());
  }

  private static Instant earliest(Instant first, Instant second) {
    if (first == null || second == null) {
      return first == null ? second : first;
    }
    return second.isBefore(first) ? second : first;
  }

  private static <T> T firstNonNull(T first, T second) {
    return first != null ? first : second;
  }

  private static Duration durationOf(Instant startedAt, Instant endedAt) {
    return startedAt == null || endedAt == null || endedAt.isBefore(startedAt)
        ? null
        : Duration.between(startedAt, endedAt);
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
