package dev.nines.server.lineage;

import java.util.List;

/**
 * What a batch answers: how many events were received, stored (duplicates count as stored) and
 * refused, and why each refused one was.
 */
public record BatchSummary(int received, int successful, int failed, List<Failure> failures) {
  public BatchSummary {
    failures = List.copyOf(failures);
  }

  /** A refused event: its position in the array and the reason. */
  public record Failure(int index, String error) {}
}
