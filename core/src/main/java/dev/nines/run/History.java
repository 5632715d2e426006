package dev.nines.run;

import dev.nines.observation.Measurement;
import dev.nines.observation.SchemaSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * What earlier runs measured; the store implements it. Checks such as volume_change and schema read
 * it.
 */
public interface History {
  /** The most recent measurement of one metric of one check of a dataset. */
  Optional<Measurement> latest(String dataset, String check, String metric);

  /**
   * The most recent measurements of a metric, newest first. {@code metricOrCheck} matches either.
   */
  List<Measurement> recent(String dataset, String metricOrCheck, int limit);

  /** The schema seen by the last run that took one. */
  Optional<SchemaSnapshot> latestSchema(String dataset);

  /** A history with nothing in it: every check behaves as on its first run. */
  History EMPTY =
      new History() {
        @Override
        public Optional<Measurement> latest(String dataset, String check, String metric) {
          return Optional.empty();
        }

        @Override
        public List<Measurement> recent(String dataset, String metricOrCheck, int limit) {
          return List.of();
        }

        @Override
        public Optional<SchemaSnapshot> latestSchema(String dataset) {
          return Optional.empty();
        }
      };
}
