package dev.nines.store;

import dev.nines.run.RunResult;
import dev.nines.spec.StoreSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Saves one run from a separate JVM, the way {@code nines check} does while {@code nines serve}
 * holds the same store. Arguments: url, user (may be empty), run id. Prints the runs it then sees.
 */
public final class SaveOneRun {
  private SaveOneRun() {}

  public static void main(String[] args) {
    StoreSpec spec = new StoreSpec(args[0], args[1].isEmpty() ? null : args[1], null);
    Instant now = Instant.parse("2026-03-02T00:00:00Z");
    try (NinesStore store = NinesStore.open(spec)) {
      var observation = StoreFixtures.passed("orders", "row_count", 42, now);
      var result =
          new RunResult(
              UUID.fromString(args[2]), now, now, List.of(observation), List.of(), List.of());
      store.save(result, List.of("other-process.yml"));
      System.out.println("runs seen: " + store.runs(100).size());
    }
  }
}
