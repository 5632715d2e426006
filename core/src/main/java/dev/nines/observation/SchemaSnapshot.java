package dev.nines.observation;

import java.time.Instant;
import java.util.List;

/** The columns of a dataset at one time; kept in the store so schema drift can be seen. */
public record SchemaSnapshot(String dataset, List<ColumnInfo> columns, Instant takenAt) {
  public SchemaSnapshot {
    columns = List.copyOf(columns);
  }
}
