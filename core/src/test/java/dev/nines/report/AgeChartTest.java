package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Severity;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgeChartTest {
  private static final Instant NOW = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
  private final ReportPeriod october = ReportPeriod.parse("2026-10", ZoneOffset.UTC, NOW);
  private final AgreementSpec fresh =
      new AgreementSpec(
          "orders is never older than 24 hours",
          List.of(),
          List.of("orders.freshness"),
          List.of(),
          List.of(),
          null,
          null);
  private final FreshnessBound within24h =
      new FreshnessBound("orders", "freshness", "check orders.freshness", Duration.ofHours(24));

  @Test
  void the_html_report_charts_the_age_against_the_bound_with_the_time_above_it_shaded() {
    // fine for 5 days, 30 hours old on Oct 6 for 12 hours, then fine to the end of the month
    AgeSeries age =
        AgeSeries.of(
            within24h,
            List.of(at(0, 2), at(5 * 24, 30), at(5 * 24 + 12, 1)),
            october.interval(),
            AgeSeries.MAX_POINTS);

    String html = Reports.render(report(age), ReportFormat.HTML);

    assertThat(html)
        .contains("<h3>Age of orders (check orders.freshness)</h3>")
        .contains("<title>age of orders over the period against 24h (check orders.freshness)")
        .contains("bound 24h (check orders.freshness)</text>")
        // the axis is in hours: 0 to 36 by twelves (30 h × 1.1 = 33 h, rounded up to a tick)
        .contains(">0h</text>", ">12h</text>", ">24h</text>", ">36h</text>")
        // start, middle and end of the period under the chart
        .contains(
            ">2026-10-01 00:00Z</text>", ">2026-10-16 12:00Z</text>", ">2026-11-01 00:00Z</text>")
        .contains("stroke-dasharray=\"6 4\"")
        .contains("<polyline fill=\"none\" stroke=\"#1f5fa8\"")
        .contains("max age 30h seen in the period (bound 24h), above the bound for 12h")
        .doesNotContain("<script", "src=", "href=");
    // one shaded band, from Oct 6 00:00 to 12:00 of 31 days across 592 pixels from x=48
    assertThat(html).containsOnlyOnce("fill=\"#f6d3cf\"");
    assertThat(html).contains("<rect x=\"143.5\" y=\"14.0\" width=\"9.5\" height=\"140.0\"");
  }

  @Test
  void markdown_says_the_max_age_seen_and_json_lists_the_points_as_pairs() {
    AgeSeries age =
        AgeSeries.of(
            within24h,
            List.of(at(0, 2), at(5 * 24, 30), at(5 * 24 + 12, 1)),
            october.interval(),
            AgeSeries.MAX_POINTS);
    SlaReport report = report(age);

    assertThat(Reports.render(report, ReportFormat.MD))
        .contains(
            "\nAge of orders (check orders.freshness): max age 30h seen in the period (bound"
                + " 24h), above the bound for 12h, from 3 observations.\n");
    assertThat(Reports.render(report, ReportFormat.JSON))
        .contains("\"maxAge\" : \"PT30H\"", "\"timeAbove\" : \"PT12H\"", "\"bound\" : \"PT24H\"")
        .contains(
            "\"points\" : [ [ \"2026-10-01T00:00:00Z\", 7200 ], [ \"2026-10-06T00:00:00Z\","
                + " 108000 ], [ \"2026-10-06T12:00:00Z\", 3600 ] ]");
  }

  @Test
  void a_promise_without_observations_says_so_in_the_chart_and_in_markdown() {
    AgeSeries age = AgeSeries.of(within24h, List.of(), october.interval(), AgeSeries.MAX_POINTS);

    assertThat(Reports.render(report(age), ReportFormat.HTML))
        .contains("no freshness observation in the period</text>")
        .doesNotContain("<polyline fill=\"none\" stroke=\"#1f5fa8\"");
    assertThat(Reports.render(report(age), ReportFormat.MD))
        .contains("Age of orders (check orders.freshness): no freshness observation in the period");
  }

  @Test
  void tick_steps_keep_the_hour_axis_to_five_ticks() {
    assertThat(AgeChart.step(0.8)).isEqualTo(0.25);
    assertThat(AgeChart.step(26.4)).isEqualTo(6);
    assertThat(AgeChart.step(33)).isEqualTo(12);
    assertThat(AgeChart.step(200)).isEqualTo(48);
    assertThat(AgeChart.hoursText(0.25)).isEqualTo("0.25h");
    assertThat(AgeChart.hoursText(48)).isEqualTo("48h");
  }

  private SlaReport report(AgeSeries age) {
    ConsumerSpec finance =
        new ConsumerSpec("finance", null, null, List.of(fresh), Severity.SEV1, List.of(), null);
    return new SlaReports(Clock.fixed(NOW, ZoneOffset.UTC))
        .report(
            finance, List.of(), october, Map.of(), Map.of(), Map.of(fresh.promise(), List.of(age)));
  }

  private static AgePoint at(int hour, int ageHours) {
    return new AgePoint(OCTOBER.plus(Duration.ofHours(hour)), ageHours * 3600L);
  }
}
