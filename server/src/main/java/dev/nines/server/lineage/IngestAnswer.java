package dev.nines.server.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nines.store.IngestOutcome;
import dev.nines.store.LineageEventRecord;
import java.util.Locale;
import java.util.UUID;

/**
 * What a single event's POST answers.
 *
 * @param status {@code stored}, or {@code duplicate} when the same event was stored before
 * @param runId the run the event belongs to; omitted for dataset and job events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestAnswer(String status, String kind, UUID runId) {
  static IngestAnswer of(IngestOutcome outcome, LineageEventRecord event) {
    return new IngestAnswer(
        outcome.name().toLowerCase(Locale.ROOT),
        event.kind().name().toLowerCase(Locale.ROOT),
        event.runId());
  }
}
