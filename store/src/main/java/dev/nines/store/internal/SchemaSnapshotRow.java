package dev.nines.store.internal;

import static dev.nines.store.internal.StoreColumns.toMillis;

import dev.nines.observation.SchemaSnapshot;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code schema_snapshot} as written; the columns as JSON text. */
public record SchemaSnapshotRow(UUID runId, String dataset, String columns, Instant takenAt) {

  public static SchemaSnapshotRow of(UUID runId, SchemaSnapshot snapshot, StoreJson json) {
    return new SchemaSnapshotRow(
        runId,
        snapshot.dataset(),
        json.writeColumns(snapshot.columns()),
        toMillis(snapshot.takenAt()));
  }
}
