package dev.nines.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One check run as the store remembers it: when it ran, from which spec files, and how many checks
 * ended in each status.
 *
 * @param exitCode what {@code nines check} exited with: 0 passed, 1 a data failure, 2 a check could
 *     not run
 */
public record RunSummary(
    UUID runId,
    Instant startedAt,
    Instant finishedAt,
    List<String> specFiles,
    int passed,
    int warned,
    int failed,
    int errors,
    int exitCode) {
  public RunSummary {
    specFiles = List.copyOf(specFiles);
  }
}
