package dev.nines.simulate;

import java.time.Duration;
import java.util.Objects;

/**
 * A metric a service reports on its own, e.g. the recommender's answer latency every 30 seconds.
 *
 * @param dataset the dataset the measurement is about
 * @param metric the metric's name, as an SLI names it
 * @param every how often it is reported
 * @param value what it reports when nothing is wrong
 */
public record MetricStream(String dataset, String metric, Duration every, double value) {
  public MetricStream {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(every, "every");
  }

  /** {@code dataset.metric}, as written in the scenario. */
  public String key() {
    return dataset + "." + metric;
  }
}
