package dev.nines.store.internal;

import java.util.UUID;

/** The pipeline run a fact row belongs to, bound next to the row; null for events without run. */
public record RunRef(UUID id) {}
