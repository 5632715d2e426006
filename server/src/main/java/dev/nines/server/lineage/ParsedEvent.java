package dev.nines.server.lineage;

import dev.nines.store.LineageEventRecord;
import dev.nines.store.LineageFacts;

/** An accepted event, ready for the store: its record and the facts its facets carry. */
public record ParsedEvent(LineageEventRecord record, LineageFacts facts) {}
