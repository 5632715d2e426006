package dev.nines.store;

import java.util.Objects;

/** One event to save with the facts of its facets. */
public record LineageIngest(LineageEventRecord event, LineageFacts facts) {
  public LineageIngest {
    Objects.requireNonNull(event, "event");
    facts = facts == null ? LineageFacts.NONE : facts;
  }
}
