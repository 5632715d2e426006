package dev.nines.store.internal;

import dev.nines.observation.Observation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Keeps a watcher's observation only when the conclusion under its key changed, so evaluating every
 * few seconds (on any number of replicas) does not repeat observations.
 */
public final class FindingWriter {
  private static final int ATTEMPTS = 3;

  private final Jdbi jdbi;
  private final StoreJson json;
  private final boolean postgres;

  /**
   * @param postgres whether the store is PostgreSQL, where the key is inserted first
   */
  public FindingWriter(Jdbi jdbi, StoreJson json, boolean postgres) {
    this.jdbi = jdbi;
    this.json = json;
    this.postgres = postgres;
  }

  /** Whether the observation was new under its key (and so saved). */
  public boolean write(
      String findingKey, UUID pipelineRunId, Observation observation, Instant now) {
    ObservationRow row = ObservationRow.of(null, observation, json);
    String findingHash = LineageWriter.keyOf(findingKey);
    String observationHash = LineageWriter.keyOf(fingerprint(row));
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(
            handle ->
                writeOnce(
                    handle, findingHash, findingKey, observationHash, pipelineRunId, row, now));
      } catch (JdbiException e) {
        // H2: two writers concluded the same new finding at once; the loser retries and sees it.
        if (attempt >= ATTEMPTS || !LineageWriter.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  private boolean writeOnce(
      Handle handle,
      String findingHash,
      String findingKey,
      String observationHash,
      UUID pipelineRunId,
      ObservationRow row,
      Instant now) {
    FindingDao findings = handle.attach(FindingDao.class);
    if (postgres && findings.insertIfAbsent(findingHash, findingKey, observationHash, now) == 1) {
      // Insert first: of replicas reaching a new key at once, exactly one creates it.
      handle.attach(LineageDao.class).insertObservations(pipelineRunId, List.of(row));
      return true;
    }
    // The key exists: its row lock orders replicas, each sees the conclusion the one before kept.
    var previous = findings.lockedObservationHash(findingHash);
    if (previous.isPresent() && previous.get().equals(observationHash)) {
      return false;
    }
    if (previous.isPresent()) {
      findings.update(findingHash, observationHash, now);
    } else {
      findings.insert(findingHash, findingKey, observationHash, now);
    }
    handle.attach(LineageDao.class).insertObservations(pipelineRunId, List.of(row));
    return true;
  }

  /** Everything a person would see of the observation: equal text, equal conclusion. */
  private static String fingerprint(ObservationRow row) {
    return String.join(
        "\u001f",
        row.dataset(),
        row.check(),
        row.checkType(),
        row.status(),
        row.kind(),
        String.valueOf(row.value()),
        String.valueOf(row.expectation()),
        row.message(),
        row.details(),
        String.valueOf(row.observedAt()));
  }
}
