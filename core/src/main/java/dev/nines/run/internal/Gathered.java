package dev.nines.run.internal;

import dev.nines.source.QueryResult;
import dev.nines.source.SourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one check gathered while running: values, query results, the SQL sent, time, a failure. */
final class Gathered {
  final Map<String, Object> aggregates = new HashMap<>();
  final List<QueryResult> results = new ArrayList<>();
  final List<String> sql = new ArrayList<>();
  Duration elapsed = Duration.ZERO;
  SourceException error;

  /** Adds what another lane gathered for the same check, after this one's. */
  void append(Gathered other) {
    aggregates.putAll(other.aggregates);
    results.addAll(other.results);
    sql.addAll(other.sql);
    elapsed = elapsed.plus(other.elapsed);
    // A serial run keeps the last failure; the other lane's scans ran after this one's.
    if (other.error != null) {
      error = other.error;
    }
  }
}
