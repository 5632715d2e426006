package dev.nines.store;

import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import java.util.List;

/** What an event's facets say about datasets; saved with the event in one transaction. */
public record LineageFacts(
    List<Measurement> measurements, List<Observation> observations, List<SchemaSnapshot> schemas) {
  public static final LineageFacts NONE = new LineageFacts(List.of(), List.of(), List.of());

  public LineageFacts {
    measurements = List.copyOf(measurements);
    observations = List.copyOf(observations);
    schemas = List.copyOf(schemas);
  }
}
