package dev.nines.store.internal;

import dev.nines.observation.Observation;

/** An observation with its id in {@code observation}, the position the incident manager tails. */
public record NumberedObservation(long id, Observation observation) {}
