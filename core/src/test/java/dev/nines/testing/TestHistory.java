package dev.nines.testing;

import dev.nines.observation.Measurement;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.run.History;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A history held in memory, filled by tests with what earlier runs would have stored. */
public final class TestHistory implements History {
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<SchemaSnapshot> schemas = new ArrayList<>();

  public TestHistory with(Measurement measurement) {
    measurements.add(measurement);
    return this;
  }

  public TestHistory with(SchemaSnapshot schema) {
    schemas.add(schema);
    return this;
  }

  @Override
  public Optional<Measurement> latest(String dataset, String check, String metric) {
    return measurements.stream()
        .filter(m -> m.dataset().equals(dataset) && m.check().equals(check))
        .filter(m -> m.metric().equals(metric))
        .max(Comparator.comparing(Measurement::measuredAt));
  }

  @Override
  public List<Measurement> recent(String dataset, String metricOrCheck, int limit) {
    return measurements.stream()
        .filter(m -> m.dataset().equals(dataset))
        .filter(m -> m.metric().equals(metricOrCheck) || m.check().equals(metricOrCheck))
        .sorted(Comparator.comparing(Measurement::measuredAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<SchemaSnapshot> latestSchema(String dataset) {
    return schemas.stream()
        .filter(s -> s.dataset().equals(dataset))
        .max(Comparator.comparing(SchemaSnapshot::takenAt));
  }
}
