package dev.nines.store.internal;

import java.time.Instant;

/** One observation of an incident, as its details show it. */
public record IncidentObservationRow(
    String role,
    long id,
    String dataset,
    String checkName,
    String checkType,
    String status,
    String message,
    Instant observedAt) {}
