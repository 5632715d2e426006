package dev.nines.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happens in a simulated month. Every check of the spec looks every {@code every} and passes
 * unless a fault says otherwise; freshness checks measure the age since the dataset's last load;
 * metric streams report a value every so often; SLOs are evaluated every {@code evaluateEvery}.
 *
 * @param file the scenario file as the user named it
 * @param month the month played, from its first to its last instant in {@code zone}
 * @param zone where the month starts and ends, and how fault times without an offset are read
 * @param every how often every check looks
 * @param evaluateEvery how often the SLO pass and the incident manager run
 * @param loads how often each dataset is loaded (datasets not named are loaded every look)
 * @param metrics metric streams, each reporting one value per period
 * @param faults what goes wrong, in the order written
 */
public record Scenario(
    String file,
    YearMonth month,
    ZoneId zone,
    Duration every,
    Duration evaluateEvery,
    Map<String, Duration> loads,
    List<MetricStream> metrics,
    List<Fault> faults) {
  public Scenario {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(evaluateEvery, "evaluateEvery");
    loads = Map.copyOf(loads);
    metrics = List.copyOf(metrics);
    faults = List.copyOf(faults);
  }

  /** The month's first instant. */
  public Instant start() {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  /** The instant the month ends (the next month's first). */
  public Instant end() {
    return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
  }

  /** How often {@code dataset} is loaded. */
  public Duration loadEvery(String dataset) {
    return loads.getOrDefault(dataset, every);
  }
}
