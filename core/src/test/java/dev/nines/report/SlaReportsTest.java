package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import dev.nines.slo.BudgetingMethod;
import dev.nines.slo.CalendarPeriod;
import dev.nines.slo.CalendarWindow;
import dev.nines.slo.Interval;
import dev.nines.slo.NoDataPolicy;
import dev.nines.slo.Objective;
import dev.nines.slo.SloEvaluator;
import dev.nines.slo.SloStatus;
import dev.nines.slo.SloTarget;
import dev.nines.slo.Tally;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaReportsTest {
  private static final Instant NOW = Instant.parse("2026-11-02T00:00:00Z");
  private static final Interval STALE =
      new Interval(Instant.parse("2026-10-05T00:00:00Z"), Instant.parse("2026-10-05T06:00:00Z"));
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ReportPeriod october = ReportPeriod.parse("2026-10", ZoneOffset.UTC, NOW);

  private final AgreementSpec fresh =
      new AgreementSpec(
          "orders is never older than 24 hours",
          List.of(),
          List.of("orders.freshness"),
          List.of(),
          List.of("orders_fresh"),
          null,
          null);
  private final AgreementSpec complete =
      new AgreementSpec(
          "payments are complete",
          List.of("payments"),
          List.of(),
          List.of(),
          List.of(),
          null,
          null);
  private final ConsumerSpec finance =
      new ConsumerSpec(
          "finance",
          "Board reporting",
          null,
          List.of(fresh, complete),
          Severity.SEV1,
          List.of(),
          null);

  @Test
  void a_promise_whose_slo_overspent_its_budget_is_breached_with_the_incident_that_spent_it() {
    SlaReport report =
        new SlaReports(clock)
            .report(finance, List.of(stale()), october, Map.of(), Map.of("orders_fresh", status()));

    AgreementReport orders = report.agreements().get(0);
    assertThat(orders.met()).isFalse();
    // 99.5% of October's 44,640 minutes allows 223.2 bad minutes; 360 were bad: 161.29% spent
    assertThat(orders.slos().get(0).budgetSpent())
        .isEqualByComparingTo(
            new BigDecimal("360").divide(new BigDecimal("223.2"), java.math.MathContext.DECIMAL64));
    assertThat(orders.verdict()).isEqualTo("missed: orders_fresh at 99.193% < 99.5%");
    assertThat(orders.downtime().downtime()).isEqualTo(Duration.ofHours(6));
    assertThat(orders.incidents()).extracting(IncidentLine::id).containsExactly(7L);
    assertThat(orders.incidents().get(0).timeToDetect()).isEqualTo(Duration.ofMinutes(30));
    assertThat(orders.incidents().get(0).timeToResolve()).isEqualTo(Duration.ofMinutes(330));

    AgreementReport payments = report.agreements().get(1);
    assertThat(payments.met()).isTrue();
    assertThat(payments.verdict()).isEqualTo("no downtime");
    assertThat(report.kept()).isEqualTo(1);
  }

  @Test
  void without_slo_statuses_a_promise_is_judged_by_its_downtime() {
    SlaReport report =
        new SlaReports(clock).report(finance, List.of(stale()), october, Map.of(), Map.of());

    assertThat(report.agreements().get(0).met()).isFalse();
    assertThat(report.agreements().get(0).verdict()).isEqualTo("6h down in 1 incident");
    assertThat(report.agreements().get(0).slos().get(0).evaluated()).isFalse();
  }

  @Test
  void markdown_html_and_json_tell_the_same_story() {
    SlaReport report =
        new SlaReports(clock)
            .report(finance, List.of(stale()), october, Map.of(), Map.of("orders_fresh", status()));

    String markdown = Reports.render(report, ReportFormat.MD);
    assertThat(markdown)
        .startsWith("# SLA report: finance — 2026-10\n")
        .contains("**1 of 2 promises kept.**")
        .contains("| orders is never older than 24 hours | **BREACHED** | 162% (orders_fresh) |")
        .contains("| #7 orders is stale | dataset orders | SEV1 | 2026-10-05 00:00Z |");
    String html = Reports.render(report, ReportFormat.HTML);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg", "budget 3h 43m", "BREACHED")
        .contains("1 incident;")
        .doesNotContain("<script", "src=", "href=");
    String json = Reports.render(report, ReportFormat.JSON);
    assertThat(json).contains("\"met\" : false", "\"downtime\" : \"PT6H\"", "\"nines\" : 2.0");
  }

  private Incident stale() {
    return new Incident(
        7,
        "k",
        "orders is stale",
        Subject.dataset("orders"),
        "freshness",
        Kind.DATA,
        Severity.SEV1,
        null,
        IncidentStatus.RESOLVED,
        Resolution.FIXED,
        null,
        List.of("finance"),
        List.of(fresh.promise()),
        List.of(),
        STALE.start(),
        STALE.start().plusSeconds(1800),
        null,
        STALE.end(),
        STALE.start(),
        3,
        "m");
  }

  /** The SLO evaluated at the last instant of October over a series with the six stale hours. */
  private static SloStatus status() {
    SloTarget target =
        new SloTarget(
            Objective.parse("99.5%"),
            new CalendarWindow(CalendarPeriod.MONTH, ZoneOffset.UTC),
            BudgetingMethod.TIMESLICES,
            Duration.ofMinutes(1),
            NoDataPolicy.BAD);
    Clock endOfOctober =
        Clock.fixed(Instant.parse("2026-11-01T00:00:00Z").minusMillis(1), ZoneOffset.UTC);
    return new SloEvaluator(endOfOctober)
        .evaluate(
            target,
            span -> {
              long minutes = span.length().toMinutes();
              long bad = span.intersect(STALE).map(i -> i.length().toMinutes()).orElse(0L);
              return new Tally(minutes - bad, bad, 0);
            });
  }
}
