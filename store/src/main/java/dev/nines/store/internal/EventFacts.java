package dev.nines.store.internal;

import java.time.Instant;
import java.util.UUID;

/** The fields of one stored RUN event that a run's state is derived from. */
public record EventFacts(
    String eventType,
    Instant eventTime,
    String jobNamespace,
    String jobName,
    UUID parentRunId,
    Instant nominalStart,
    Instant nominalEnd,
    String errorMessage,
    String stackTrace,
    Long rowsWritten) {}
