package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import dev.nines.slo.Interval;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DowntimeAccountingTest {
  private static final Instant NOW = Instant.parse("2026-11-02T00:00:00Z");
  private final DowntimeAccounting accounting =
      new DowntimeAccounting(Clock.fixed(NOW, ZoneOffset.UTC));
  private final ReportPeriod october = ReportPeriod.parse("2026-10", ZoneOffset.UTC, NOW);

  @Test
  void overlapping_incidents_count_each_minute_once_in_downtime_but_each_in_ddt() {
    // A: 00:00 → detected 00:30 → resolved 02:00; B: 01:00 → detected 01:10 → resolved 03:00
    Incident a = resolved(1, "orders", "freshness", "10-01T00:00", "10-01T00:30", "10-01T02:00");
    Incident b =
        resolved(2, "orders", "duplicates_order_id", "10-01T01:00", "10-01T01:10", "10-01T03:00");

    DowntimeAccount account = accounting.account("orders", List.of(a, b), october);

    assertThat(account.intervals())
        .containsExactly(new Interval(at("10-01T00:00"), at("10-01T03:00")));
    assertThat(account.downtime()).isEqualTo(Duration.ofHours(3));
    assertThat(account.dataDowntime()).isEqualTo(Duration.ofHours(4));
    assertThat(account.incidents()).isEqualTo(2);
    assertThat(account.meanTimeToDetect()).isEqualTo(Duration.ofMinutes(20));
    assertThat(account.meanTimeToResolve()).isEqualTo(Duration.ofMinutes(100));
  }

  @Test
  void incidents_are_clipped_to_the_period_and_an_active_one_runs_until_now() {
    Incident before =
        resolved(1, "orders", "freshness", "09-30T20:00", "09-30T20:00", "10-01T00:00");
    Incident across =
        resolved(2, "orders", "freshness", "09-30T23:00", "09-30T23:00", "10-01T01:00");
    Incident open = active(3, "orders", "freshness", "10-31T23:00", "10-31T23:30");

    DowntimeAccount account = accounting.account("orders", List.of(before, across, open), october);

    assertThat(account.incidents()).isEqualTo(2);
    assertThat(account.intervals())
        .containsExactly(
            new Interval(at("10-01T00:00"), at("10-01T01:00")),
            new Interval(at("10-31T23:00"), at("11-01T00:00")));
    assertThat(account.downtime()).isEqualTo(Duration.ofHours(2));
    // 2 h down of 744 h: 99.7311% up, −log10(2/744) = 2.57
    assertThat(account.uptime().nines()).contains(new BigDecimal("2.5"));
    assertThat(account.meanTimeToResolve()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void false_positives_were_never_down() {
    Incident wrong =
        new Incident(
            1,
            "k",
            "t",
            Subject.dataset("orders"),
            "freshness",
            Kind.DATA,
            Severity.SEV2,
            null,
            IncidentStatus.RESOLVED,
            Resolution.FALSE_POSITIVE,
            null,
            List.of(),
            List.of(),
            List.of(),
            at("10-02T00:00"),
            at("10-02T00:00"),
            null,
            at("10-02T05:00"),
            at("10-02T00:00"),
            1,
            "m");

    DowntimeAccount account = accounting.account("orders", List.of(wrong), october);

    assertThat(account.incidents()).isZero();
    assertThat(account.downtime()).isZero();
    assertThat(account.uptime().describe()).isEqualTo("100% (no downtime)");
  }

  @Test
  void datasets_are_ranked_worst_first_and_impacted_datasets_share_the_downtime() {
    Incident orders =
        resolved(1, "orders", "freshness", "10-05T00:00", "10-05T00:00", "10-05T06:00");
    Incident payments =
        resolved(2, "payments", "freshness", "10-06T00:00", "10-06T00:00", "10-06T01:00");
    Incident loadFailed =
        new Incident(
            3,
            "k3",
            "t",
            Subject.pipeline("load_orders"),
            "pipeline_failed",
            Kind.SYSTEM,
            Severity.SEV1,
            null,
            IncidentStatus.RESOLVED,
            Resolution.FIXED,
            null,
            List.of("finance"),
            List.of(),
            List.of(Subject.dataset("payments")),
            at("10-07T00:00"),
            at("10-07T00:00"),
            null,
            at("10-07T02:00"),
            at("10-07T00:00"),
            1,
            "m");

    List<DowntimeAccount> datasets =
        accounting.byDataset(List.of(orders, payments, loadFailed), october);

    assertThat(datasets).extracting(DowntimeAccount::group).containsExactly("orders", "payments");
    assertThat(datasets.get(1).downtime()).isEqualTo(Duration.ofHours(3));
    assertThat(accounting.byPipeline(List.of(orders, loadFailed), october))
        .singleElement()
        .satisfies(p -> assertThat(p.downtime()).isEqualTo(Duration.ofHours(2)));
    assertThat(accounting.byConsumer(List.of(orders, loadFailed), october))
        .extracting(DowntimeAccount::group)
        .containsExactly("finance");
  }

  @Test
  void an_agreement_counts_incidents_of_the_checks_it_covers() {
    ConsumerSpec finance =
        new ConsumerSpec("finance", null, null, List.of(), Severity.SEV1, List.of(), null);
    AgreementSpec fresh =
        new AgreementSpec(
            "orders is never older than 24 hours",
            List.of(),
            List.of("orders.freshness"),
            List.of(),
            List.of(),
            null,
            null);
    Incident stale =
        resolved(1, "orders", "freshness", "10-05T00:00", "10-05T00:00", "10-05T06:00");
    Incident duplicated =
        resolved(2, "orders", "duplicates_order_id", "10-06T00:00", "10-06T00:00", "10-06T01:00");

    DowntimeAccount account =
        accounting.byAgreement(finance, fresh, List.of(stale, duplicated), october);

    assertThat(account.incidents()).isEqualTo(1);
    assertThat(account.downtime()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void a_burn_rate_alert_is_not_downtime_but_the_failure_behind_it_is() {
    Incident stale =
        resolved(1, "orders", "freshness", "10-10T00:00", "10-10T00:15", "10-10T03:15");
    Incident burn = slo(2, "orders_fresh", "10-10T00:05", "10-10T09:20");

    DowntimeAccount account = accounting.account("finance", List.of(stale, burn), october);

    assertThat(account.downtime()).isEqualTo(Duration.ofMinutes(195));
    assertThat(account.incidents()).isEqualTo(1);
    assertThat(accounting.downtimeOf(burn)).isEmpty();
    assertThat(accounting.openOf(burn))
        .isEqualTo(new Interval(at("10-10T00:05"), at("10-10T09:20")));
  }

  @Test
  void an_incident_opened_by_a_warning_is_down_from_its_first_failure_and_not_at_all_without_one() {
    // both opened when the age passed the warning level at 06:00
    Incident failedLater =
        resolved(1, "orders", "freshness", "10-09T06:00", "10-09T06:15", "10-10T03:15");
    Incident onlyWarned =
        resolved(2, "payments", "freshness", "10-12T06:00", "10-12T06:15", "10-12T09:00");
    DowntimeAccounting knowing =
        new DowntimeAccounting(
            Clock.fixed(NOW, ZoneOffset.UTC),
            java.util.Map.of(
                1L, java.util.Optional.of(at("10-10T00:15")), 2L, java.util.Optional.empty()));

    DowntimeAccount account = knowing.account("all", List.of(failedLater, onlyWarned), october);

    assertThat(account.intervals())
        .containsExactly(new Interval(at("10-10T00:15"), at("10-10T03:15")));
    assertThat(account.downtime()).isEqualTo(Duration.ofHours(3));
    assertThat(account.incidents()).isEqualTo(1);
    // without knowing, the warning's time counts: 21 h 15 m + 3 h
    assertThat(accounting.account("all", List.of(failedLater, onlyWarned), october).downtime())
        .isEqualTo(Duration.ofMinutes(21 * 60 + 15 + 180));
  }

  private static Incident slo(long id, String slo, String detected, String resolved) {
    return new Incident(
        id,
        "k" + id,
        "t",
        Subject.slo(slo),
        "burn_rate",
        Kind.DATA,
        Severity.SEV1,
        null,
        IncidentStatus.RESOLVED,
        Resolution.FIXED,
        null,
        List.of("finance"),
        List.of(),
        List.of(),
        at(detected),
        at(detected),
        null,
        at(resolved),
        at(detected),
        1,
        "m");
  }

  @Test
  void seen_at_an_instant_a_later_incident_does_not_exist_yet_and_a_later_resolution_is_undone() {
    Incident fixed =
        resolved(1, "orders", "freshness", "10-05T00:00", "10-05T00:30", "10-05T06:00");
    Instant during = at("10-05T03:00");

    assertThat(DowntimeAccounting.asSeenAt(fixed, at("10-05T00:29"))).isEmpty();
    Incident then = DowntimeAccounting.asSeenAt(fixed, during).orElseThrow();
    assertThat(then.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(then.resolvedAt()).isNull();
    assertThat(then.resolution()).isNull();
    assertThat(DowntimeAccounting.asSeenAt(fixed, at("10-05T06:00"))).contains(fixed);

    // as seen at 03:00, October so far had 3 hours down, the incident still open
    DowntimeAccounting atThree = new DowntimeAccounting(Clock.fixed(during, ZoneOffset.UTC));
    DowntimeAccount account =
        atThree.account(
            "orders", List.of(then), ReportPeriod.parse("2026-10", ZoneOffset.UTC, during));
    assertThat(account.downtime()).isEqualTo(Duration.ofHours(3));
    assertThat(account.meanTimeToResolve()).isNull();
  }

  @Test
  void seen_before_its_acknowledgement_an_acknowledged_incident_is_open() {
    Incident acknowledged =
        new Incident(
            4,
            "k4",
            "t",
            Subject.dataset("orders"),
            "freshness",
            Kind.DATA,
            Severity.SEV2,
            null,
            IncidentStatus.ACKNOWLEDGED,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            at("10-05T00:00"),
            at("10-05T00:30"),
            at("10-05T02:00"),
            null,
            at("10-05T00:30"),
            1,
            "m");

    Incident before = DowntimeAccounting.asSeenAt(acknowledged, at("10-05T01:00")).orElseThrow();
    assertThat(before.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(before.acknowledgedAt()).isNull();
    assertThat(DowntimeAccounting.asSeenAt(acknowledged, at("10-05T02:00"))).contains(acknowledged);
  }

  private static Incident resolved(
      long id, String dataset, String cause, String started, String detected, String resolved) {
    return new Incident(
        id,
        "k" + id,
        "t",
        Subject.dataset(dataset),
        cause,
        Kind.DATA,
        Severity.SEV2,
        null,
        IncidentStatus.RESOLVED,
        Resolution.FIXED,
        null,
        List.of(),
        List.of(),
        List.of(),
        at(started),
        at(detected),
        null,
        at(resolved),
        at(detected),
        1,
        "m");
  }

  private static Incident active(
      long id, String dataset, String cause, String started, String detected) {
    return new Incident(
        id,
        "k" + id,
        "t",
        Subject.dataset(dataset),
        cause,
        Kind.DATA,
        Severity.SEV2,
        null,
        IncidentStatus.OPEN,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        at(started),
        at(detected),
        null,
        null,
        at(detected),
        1,
        "m");
  }

  private static Instant at(String monthDayTime) {
    return Instant.parse("2026-" + monthDayTime + ":00Z");
  }
}
