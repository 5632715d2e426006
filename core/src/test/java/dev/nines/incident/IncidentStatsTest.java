package dev.nines.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.IncidentStats.GroupBy;
import dev.nines.incident.IncidentStats.Row;
import dev.nines.observation.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentStatsTest {
  static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

  static Incident incident(
      Subject subject,
      List<Subject> impact,
      long startMin,
      long detectMin,
      Long ackMin,
      Long resolveMin) {
    Instant detected = T0.plus(Duration.ofMinutes(detectMin));
    Instant resolved = resolveMin == null ? null : T0.plus(Duration.ofMinutes(resolveMin));
    return new Incident(
        1,
        "k",
        "t",
        subject,
        "c",
        Kind.DATA,
        Severity.SEV3,
        "r",
        resolved == null ? IncidentStatus.OPEN : IncidentStatus.RESOLVED,
        resolved == null ? null : Resolution.FIXED,
        "data-eng",
        List.of("finance"),
        List.of(),
        impact,
        T0.plus(Duration.ofMinutes(startMin)),
        detected,
        ackMin == null ? null : T0.plus(Duration.ofMinutes(ackMin)),
        resolved,
        detected,
        1,
        "m");
  }

  @Test
  void means_medians_and_downtime_per_dataset_count_impacted_datasets_too() {
    Subject orders = Subject.dataset("orders");
    List<Incident> incidents =
        List.of(
            incident(orders, List.of(), 0, 10, 20L, 70L),
            incident(orders, List.of(), 0, 30, null, 60L),
            incident(
                Subject.source("w"),
                List.of(orders, Subject.dataset("revenue")),
                0,
                20,
                null,
                null));

    List<Row> rows = IncidentStats.of(incidents, GroupBy.DATASET, T0.plus(Duration.ofMinutes(120)));

    Row ordersRow = rows.get(0);
    assertThat(ordersRow.group()).isEqualTo("orders");
    assertThat(ordersRow.count()).isEqualTo(3);
    assertThat(ordersRow.resolved()).isEqualTo(2);
    assertThat(ordersRow.meanTimeToDetect()).isEqualTo(Duration.ofMinutes(20));
    assertThat(ordersRow.medianTimeToDetect()).isEqualTo(Duration.ofMinutes(20));
    assertThat(ordersRow.meanTimeToAcknowledge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(ordersRow.meanTimeToResolve()).isEqualTo(Duration.ofMinutes(45));
    assertThat(ordersRow.medianTimeToResolve()).isEqualTo(Duration.ofMinutes(45));
    // (10 + 60) + (30 + 30) + (20 + 100 still open)
    assertThat(ordersRow.dataDowntime()).isEqualTo(Duration.ofMinutes(250));
    Row revenue = rows.get(1);
    assertThat(revenue.group()).isEqualTo("revenue");
    assertThat(revenue.meanTimeToResolve()).isNull();
    assertThat(revenue.dataDowntime()).isEqualTo(Duration.ofMinutes(120));
  }

  @Test
  void grouping_by_consumer_and_owner_uses_the_incidents_fields() {
    List<Incident> incidents = List.of(incident(Subject.dataset("a"), List.of(), 0, 5, null, 10L));

    assertThat(IncidentStats.of(incidents, GroupBy.CONSUMER, T0))
        .extracting(Row::group)
        .containsExactly("finance");
    assertThat(IncidentStats.of(incidents, GroupBy.OWNER, T0))
        .extracting(Row::group)
        .containsExactly("data-eng");
    assertThat(IncidentStats.of(incidents, GroupBy.PIPELINE, T0)).isEmpty();
  }
}
