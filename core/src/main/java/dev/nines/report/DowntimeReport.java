package dev.nines.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Downtime across everything over a period, worst first in each list.
 *
 * @param period the span reported
 * @param generatedAt when the report was made
 * @param total every incident together
 * @param datasets per dataset, the worst first
 * @param pipelines per pipeline
 * @param consumers per consumer
 */
public record DowntimeReport(
    ReportPeriod period,
    Instant generatedAt,
    DowntimeAccount total,
    List<DowntimeAccount> datasets,
    List<DowntimeAccount> pipelines,
    List<DowntimeAccount> consumers) {
  public DowntimeReport {
    Objects.requireNonNull(period, "period");
    datasets = List.copyOf(datasets);
    pipelines = List.copyOf(pipelines);
    consumers = List.copyOf(consumers);
  }

  /** The report of {@code incidents} over {@code period}. */
  public static DowntimeReport of(
      java.util.Collection<dev.nines.incident.Incident> incidents,
      ReportPeriod period,
      java.time.Clock clock) {
    return of(incidents, period, clock, new DowntimeAccounting(clock));
  }

  /** The report of {@code incidents} over {@code period}, counted by {@code accounting}. */
  public static DowntimeReport of(
      java.util.Collection<dev.nines.incident.Incident> incidents,
      ReportPeriod period,
      java.time.Clock clock,
      DowntimeAccounting accounting) {
    return new DowntimeReport(
        period,
        clock.instant(),
        accounting.account("all", incidents, period),
        accounting.byDataset(incidents, period),
        accounting.byPipeline(incidents, period),
        accounting.byConsumer(incidents, period));
  }
}
