package dev.nines.store;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A pipeline run as derived from all of its events.
 *
 * @param startedAt the earliest START event's time; null when no START arrived
 * @param endedAt the terminal event's time; null while the run is not over
 * @param duration from start to end; null unless both are known
 * @param rowsWritten rows written to the outputs, as the latest event that said so reported
 */
public record PipelineRunRecord(
    UUID runId,
    String jobNamespace,
    String jobName,
    UUID parentRunId,
    PipelineRunState state,
    Instant nominalStart,
    Instant nominalEnd,
    Instant startedAt,
    Instant endedAt,
    Duration duration,
    String errorMessage,
    String stackTrace,
    Long rowsWritten,
    int eventCount,
    Instant lastEventAt) {}
