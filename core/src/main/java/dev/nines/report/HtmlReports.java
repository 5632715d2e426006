package dev.nines.report;

import static dev.nines.report.ReportText.duration;
import static dev.nines.report.ReportText.instant;
import static dev.nines.report.ReportText.percent;
import static dev.nines.report.ReportText.spent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Reports as one self-contained HTML page: inline CSS and SVG, no scripts. */
public final class HtmlReports {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:760px;margin:2em auto;color:#222}"
          + "table{border-collapse:collapse;margin:.8em 0}td,th{border:1px solid #ccc;"
          + "padding:.3em .6em;text-align:left}th{background:#f3f3f3}.kept{color:#2a7a45}"
          + ".breached{color:#b3261e;font-weight:bold}.summary{font-size:1.15em}"
          + "section{margin-top:2em}";

  private HtmlReports() {}

  public static String sla(SlaReport report) {
    StringBuilder html = page("SLA report: " + report.consumer() + " — " + report.period().label());
    if (report.about() != null) {
      html.append("<p>").append(escape(report.about().strip())).append("</p>");
    }
    html.append("<p class=\"summary\"><strong>")
        .append(report.kept())
        .append(" of ")
        .append(report.agreements().size())
        .append(report.agreements().size() == 1 ? " promise" : " promises")
        .append(" kept.</strong> ")
        .append(escape(ReportText.downtimeSummary(report)))
        .append(". Period ")
        .append(escape(instant(report.period().interval().start())))
        .append(" to ")
        .append(escape(instant(report.period().interval().end())))
        .append(", as seen at ")
        .append(escape(instant(report.generatedAt())))
        .append("; a breach is ")
        .append(report.breach())
        .append(" (")
        .append(escape(report.breach().meaning()))
        .append(").</p>");
    html.append(
        "<table><tr><th>Promise</th><th>Kept</th><th>Budget spent</th><th>Downtime</th>"
            + "<th>Incidents</th></tr>");
    for (AgreementReport agreement : report.agreements()) {
      html.append("<tr><td>")
          .append(escape(agreement.promise()))
          .append("</td><td>")
          .append(verdictCell(agreement.met()))
          .append("</td><td>")
          .append(escape(MarkdownReports.budget(agreement.slos())))
          .append("</td><td>")
          .append(escape(duration(agreement.downtime().downtime())))
          .append("</td><td>")
          .append(agreement.downtime().incidents())
          .append("</td></tr>");
    }
    html.append("</table>");
    var elapsed = report.period().elapsed(report.generatedAt());
    for (AgreementReport agreement : report.agreements()) {
      html.append("<section><h2>")
          .append(escape(agreement.promise()))
          .append(" — ")
          .append(verdictCell(agreement.met()))
          .append("</h2><p>")
          .append(escape(agreement.verdict()))
          .append(". Uptime ")
          .append(escape(agreement.downtime().uptime().describe()))
          .append(", DDT ")
          .append(escape(duration(agreement.downtime().dataDowntime())))
          .append(", mean TTD ")
          .append(escape(duration(agreement.downtime().meanTimeToDetect())))
          .append(", mean TTR ")
          .append(escape(duration(agreement.downtime().meanTimeToResolve())))
          .append(".</p>");
      html.append("<h3>Budget burn</h3>")
          .append(
              SvgCharts.budgetBurn(
                  elapsed, agreement.downtime().intervals(), strictest(agreement.slos())));
      html.append("<h3>Up and down (freshness and the other checks behind the promise)</h3>")
          .append(SvgCharts.timeline(elapsed, agreement.downtime().intervals()));
      for (AgeSeries age : agreement.freshness()) {
        html.append("<h3>Age of ")
            .append(escape(age.promise().dataset()))
            .append(" (")
            .append(escape(age.promise().promisedBy()))
            .append(")</h3>")
            .append(AgeChart.draw(elapsed, age))
            .append("<p>")
            .append(escape(ReportText.ageSummary(age)))
            .append("</p>");
      }
      if (!agreement.slos().isEmpty()) {
        html.append(
            "<table><tr><th>SLO</th><th>Objective</th><th>SLI</th><th>Budget spent</th></tr>");
        for (SloLine slo : agreement.slos()) {
          html.append("<tr><td>")
              .append(escape(slo.name()))
              .append("</td><td>")
              .append(escape(percent(slo.objective())))
              .append("</td><td>")
              .append(escape(slo.evaluated() ? percent(slo.sli()) : "not evaluated"))
              .append("</td><td>")
              .append(escape(spent(slo.budgetSpent())))
              .append("</td></tr>");
        }
        html.append("</table>");
      }
      html.append(incidents(agreement.incidents())).append("</section>");
    }
    return html.append("</body></html>\n").toString();
  }

  public static String downtime(DowntimeReport report) {
    StringBuilder html = page("Data downtime — " + report.period().label());
    html.append("<p class=\"summary\">Downtime ")
        .append(escape(duration(report.total().downtime())))
        .append(" in ")
        .append(report.total().incidents())
        .append(" incidents, DDT ")
        .append(escape(duration(report.total().dataDowntime())))
        .append(". Period ")
        .append(escape(instant(report.period().interval().start())))
        .append(" to ")
        .append(escape(instant(report.period().interval().end())))
        .append(", as seen at ")
        .append(escape(instant(report.generatedAt())))
        .append(".</p>");
    var elapsed = report.period().elapsed(report.generatedAt());
    html.append(SvgCharts.timeline(elapsed, report.total().intervals()));
    accounts(html, "Datasets, worst first", report.datasets());
    accounts(html, "Pipelines", report.pipelines());
    accounts(html, "Consumers", report.consumers());
    return html.append("</body></html>\n").toString();
  }

  public static String dataset(DatasetReport report) {
    StringBuilder html =
        page("Dataset " + report.dataset() + " — the five V's, " + report.period().label());
    html.append("<table><tr><th>V</th><th>What the history says</th></tr>");
    for (String[] row : DatasetText.rows(report)) {
      html.append("<tr><td>")
          .append(escape(row[0]))
          .append("</td><td>")
          .append(escape(row[1]))
          .append("</td></tr>");
    }
    return html.append("</table></body></html>\n").toString();
  }

  private static void accounts(StringBuilder html, String title, List<DowntimeAccount> accounts) {
    html.append("<h2>").append(escape(title)).append("</h2>");
    if (accounts.isEmpty()) {
      html.append("<p>No downtime.</p>");
      return;
    }
    html.append(
        "<table><tr><th>Name</th><th>Downtime</th><th>Uptime</th><th>Incidents</th><th>DDT</th>"
            + "<th>Mean TTD</th><th>Mean TTR</th></tr>");
    for (DowntimeAccount account : accounts) {
      html.append("<tr><td>")
          .append(escape(account.group()))
          .append("</td><td>")
          .append(escape(duration(account.downtime())))
          .append("</td><td>")
          .append(escape(account.uptime().describe()))
          .append("</td><td>")
          .append(account.incidents())
          .append("</td><td>")
          .append(escape(duration(account.dataDowntime())))
          .append("</td><td>")
          .append(escape(duration(account.meanTimeToDetect())))
          .append("</td><td>")
          .append(escape(duration(account.meanTimeToResolve())))
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  private static String incidents(List<IncidentLine> incidents) {
    if (incidents.isEmpty()) {
      return "<p>No incidents.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            "<table><tr><th>Incident</th><th>Subject</th><th>Severity</th><th>Started</th>"
                + "<th>Resolved</th><th>TTD</th><th>TTR</th></tr>");
    for (IncidentLine incident : incidents) {
      html.append("<tr><td>#")
          .append(incident.id())
          .append(' ')
          .append(escape(Objects.toString(incident.title(), "")))
          .append("</td><td>")
          .append(escape(incident.subject()))
          .append("</td><td>")
          .append(incident.severity())
          .append("</td><td>")
          .append(escape(instant(incident.startedAt())))
          .append("</td><td>")
          .append(
              escape(incident.resolvedAt() == null ? "still open" : instant(incident.resolvedAt())))
          .append("</td><td>")
          .append(escape(duration(incident.timeToDetect())))
          .append("</td><td>")
          .append(escape(duration(incident.timeToResolve())))
          .append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  /** The highest objective behind a promise: the one with the smallest budget. */
  private static BigDecimal strictest(List<SloLine> slos) {
    return slos.stream()
        .map(SloLine::objective)
        .filter(Objects::nonNull)
        .max(BigDecimal::compareTo)
        .orElse(null);
  }

  private static String verdictCell(boolean met) {
    return met ? "<span class=\"kept\">kept</span>" : "<span class=\"breached\">BREACHED</span>";
  }

  private static StringBuilder page(String title) {
    return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(escape(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><h1>")
        .append(escape(title))
        .append("</h1>");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
