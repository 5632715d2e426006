package dev.nines.run;

import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything one {@code nines check} run produced. */
public record RunResult(
    UUID runId,
    Instant startedAt,
    Instant finishedAt,
    List<Observation> observations,
    List<Measurement> measurements,
    List<SchemaSnapshot> schemas) {
  public RunResult {
    observations = List.copyOf(observations);
    measurements = List.copyOf(measurements);
    schemas = List.copyOf(schemas);
  }

  public long count(Status status) {
    return observations.stream().filter(o -> o.status() == status).count();
  }

  /** 0 all passed (warnings allowed), 1 a data failure, 2 a check could not run. */
  public int exitCode() {
    if (count(Status.ERROR) > 0) {
      return 2;
    }
    return count(Status.FAIL) > 0 ? 1 : 0;
  }
}
