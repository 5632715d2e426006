package dev.nines.store;

import dev.nines.incident.ObservationRole;
import dev.nines.observation.Status;
import java.time.Instant;

/** An observation grouped into an incident: its cause, or a downstream failure it explains. */
public record IncidentObservation(
    ObservationRole role,
    long observationId,
    String dataset,
    String check,
    String checkType,
    Status status,
    String message,
    Instant observedAt) {}
