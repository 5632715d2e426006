package dev.nines.report;

import dev.nines.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one consumer was promised and how it went over a period: the page a manager reads.
 *
 * @param consumer the name under {@code consumers:}
 * @param about who they are, may be null
 * @param breach the urgency they agreed to
 * @param period the span reported
 * @param generatedAt when the report was made
 * @param agreements one section per promise, in the spec's order
 * @param downtime all of the consumer's agreements together
 */
public record SlaReport(
    String consumer,
    String about,
    Severity breach,
    ReportPeriod period,
    Instant generatedAt,
    List<AgreementReport> agreements,
    DowntimeAccount downtime) {
  public SlaReport {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(period, "period");
    agreements = List.copyOf(agreements);
  }

  /** How many promises were kept. */
  public long kept() {
    return agreements.stream().filter(AgreementReport::met).count();
  }
}
