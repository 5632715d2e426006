package dev.nines.report;

import static dev.nines.report.ReportText.duration;
import static dev.nines.report.ReportText.instant;
import static dev.nines.report.ReportText.percent;
import static dev.nines.report.ReportText.spent;

import java.util.List;
import java.util.stream.Collectors;

/** Reports as Markdown: a summary first, details after, so the first lines answer the question. */
public final class MarkdownReports {
  private MarkdownReports() {}

  public static String sla(SlaReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# SLA report: ")
        .append(report.consumer())
        .append(" — ")
        .append(report.period().label())
        .append("\n\n");
    if (report.about() != null) {
      md.append(report.about().strip()).append("\n\n");
    }
    md.append("Period ")
        .append(instant(report.period().interval().start()))
        .append(" to ")
        .append(instant(report.period().interval().end()))
        .append(", as seen at ")
        .append(instant(report.generatedAt()))
        .append(". A breach is ")
        .append(report.breach())
        .append(" (")
        .append(report.breach().meaning())
        .append(").\n\n");
    md.append("**")
        .append(report.kept())
        .append(" of ")
        .append(report.agreements().size())
        .append(report.agreements().size() == 1 ? " promise" : " promises")
        .append(" kept.** ")
        .append(ReportText.downtimeSummary(report))
        .append(".\n\n");
    md.append("| Promise | Kept | Budget spent | Downtime | Incidents | Mean TTD | Mean TTR |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (AgreementReport agreement : report.agreements()) {
      md.append("| ")
          .append(cell(agreement.promise()))
          .append(" | ")
          .append(agreement.met() ? "yes" : "**BREACHED**")
          .append(" | ")
          .append(budget(agreement.slos()))
          .append(" | ")
          .append(duration(agreement.downtime().downtime()))
          .append(" | ")
          .append(agreement.downtime().incidents())
          .append(" | ")
          .append(duration(agreement.downtime().meanTimeToDetect()))
          .append(" | ")
          .append(duration(agreement.downtime().meanTimeToResolve()))
          .append(" |\n");
    }
    for (AgreementReport agreement : report.agreements()) {
      md.append("\n## ")
          .append(agreement.promise())
          .append(agreement.met() ? " — kept" : " — BREACHED")
          .append("\n\n")
          .append(capitalized(agreement.verdict()))
          .append(". Uptime ")
          .append(agreement.downtime().uptime().describe())
          .append(", DDT ")
          .append(duration(agreement.downtime().dataDowntime()))
          .append(".\n");
      for (AgeSeries age : agreement.freshness()) {
        md.append("\nAge of ")
            .append(age.promise().dataset())
            .append(" (")
            .append(age.promise().promisedBy())
            .append("): ")
            .append(ReportText.ageSummary(age))
            .append("\n");
      }
      if (!agreement.slos().isEmpty()) {
        md.append("\n| SLO | Objective | SLI | Budget spent | Met |\n|---|---|---|---|---|\n");
        for (SloLine slo : agreement.slos()) {
          md.append("| ")
              .append(cell(slo.name()))
              .append(" | ")
              .append(percent(slo.objective()))
              .append(" | ")
              .append(slo.evaluated() ? percent(slo.sli()) : "not evaluated")
              .append(" | ")
              .append(spent(slo.budgetSpent()))
              .append(" | ")
              .append(slo.evaluated() ? (slo.met() ? "yes" : "no") : "–")
              .append(" |\n");
        }
      }
      md.append(incidents(agreement.incidents()));
    }
    return md.toString();
  }

  public static String downtime(DowntimeReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Data downtime — ").append(report.period().label()).append("\n\n");
    md.append("Period ")
        .append(instant(report.period().interval().start()))
        .append(" to ")
        .append(instant(report.period().interval().end()))
        .append(", as seen at ")
        .append(instant(report.generatedAt()))
        .append(". Everything together: downtime ")
        .append(duration(report.total().downtime()))
        .append(" in ")
        .append(report.total().incidents())
        .append(" incidents, DDT ")
        .append(duration(report.total().dataDowntime()))
        .append(".\n");
    md.append(table("Datasets, worst first", report.datasets()));
    md.append(table("Pipelines", report.pipelines()));
    md.append(table("Consumers", report.consumers()));
    return md.toString();
  }

  public static String dataset(DatasetReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Dataset ")
        .append(report.dataset())
        .append(" — the five V's, ")
        .append(report.period().label())
        .append("\n\n| V | What the history says |\n|---|---|\n");
    for (String[] row : DatasetText.rows(report)) {
      md.append("| ").append(row[0]).append(" | ").append(cell(row[1])).append(" |\n");
    }
    return md.toString();
  }

  private static String table(String title, List<DowntimeAccount> accounts) {
    StringBuilder md = new StringBuilder("\n## ").append(title).append("\n\n");
    if (accounts.isEmpty()) {
      return md.append("No downtime.\n").toString();
    }
    md.append("| Name | Downtime | Uptime | Incidents | DDT | Mean TTD | Mean TTR |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (DowntimeAccount account : accounts) {
      md.append("| ")
          .append(cell(account.group()))
          .append(" | ")
          .append(duration(account.downtime()))
          .append(" | ")
          .append(account.uptime().describe())
          .append(" | ")
          .append(account.incidents())
          .append(" | ")
          .append(duration(account.dataDowntime()))
          .append(" | ")
          .append(duration(account.meanTimeToDetect()))
          .append(" | ")
          .append(duration(account.meanTimeToResolve()))
          .append(" |\n");
    }
    return md.toString();
  }

  private static String incidents(List<IncidentLine> incidents) {
    if (incidents.isEmpty()) {
      return "\nNo incidents.\n";
    }
    StringBuilder md =
        new StringBuilder(
            "\n| Incident | Subject | Severity | Started | Resolved | TTD | TTR |\n"
                + "|---|---|---|---|---|---|---|\n");
    for (IncidentLine incident : incidents) {
      md.append("| #")
          .append(incident.id())
          .append(" ")
          .append(cell(incident.title()))
          .append(" | ")
          .append(cell(incident.subject()))
          .append(" | ")
          .append(incident.severity())
          .append(" | ")
          .append(instant(incident.startedAt()))
          .append(" | ")
          .append(incident.resolvedAt() == null ? "still open" : instant(incident.resolvedAt()))
          .append(" | ")
          .append(duration(incident.timeToDetect()))
          .append(" | ")
          .append(duration(incident.timeToResolve()))
          .append(" |\n");
    }
    return md.toString();
  }

  /** The budget spent of each evaluated SLO, e.g. {@code 42% (orders_fresh)}. */
  static String budget(List<SloLine> slos) {
    String spent =
        slos.stream()
            .filter(SloLine::evaluated)
            .map(s -> spent(s.budgetSpent()) + " (" + s.name() + ")")
            .collect(Collectors.joining(", "));
    return spent.isEmpty() ? "–" : spent;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
