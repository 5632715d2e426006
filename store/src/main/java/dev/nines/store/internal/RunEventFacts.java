package dev.nines.store.internal;

import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;

/** One stored RUN event's facts with the run it belongs to, as read for many runs at once. */
public record RunEventFacts(UUID runId, @Nested EventFacts facts) {}
