package dev.nines.store.internal;

import static dev.nines.store.internal.StoreColumns.toMillis;

import dev.nines.observation.Status;
import dev.nines.run.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code check_run} as written. */
public record RunRow(
    UUID id,
    Instant startedAt,
    Instant finishedAt,
    String specFiles,
    int passed,
    int warned,
    int failed,
    int errors,
    int exitCode) {

  public static RunRow of(RunResult result, List<String> specFiles, StoreJson json) {
    return new RunRow(
        result.runId(),
        toMillis(result.startedAt()),
        toMillis(result.finishedAt()),
        json.writeLines(specFiles),
        count(result, Status.PASS),
        count(result, Status.WARN),
        count(result, Status.FAIL),
        count(result, Status.ERROR),
        result.exitCode());
  }

  private static int count(RunResult result, Status status) {
    return Math.toIntExact(result.count(status));
  }
}
