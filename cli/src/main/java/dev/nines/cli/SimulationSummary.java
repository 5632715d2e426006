package dev.nines.cli;

import dev.nines.incident.Incident;
import dev.nines.incident.SubjectKind;
import dev.nines.report.AgreementReport;
import dev.nines.report.SlaReport;
import dev.nines.report.SloLine;
import dev.nines.slo.AlertLevel;
import dev.nines.spec.Spec;
import dev.nines.spec.Values;
import dev.nines.store.OutboxEntry;
import dev.nines.store.simulate.BurnChange;
import dev.nines.store.simulate.PlayedMonth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What {@code nines simulate} prints: the burn alerts, the incidents and each consumer's month. */
final class SimulationSummary {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final Spec spec;
  private final PlayedMonth played;
  private final List<Incident> incidents;
  private final Map<String, SlaReport> consumers;
  private final ZoneId zone;
  private final List<OutboxEntry> queued;

  /**
   * @param queued what the notifier queued during the month, null when the spec has no channels
   */
  SimulationSummary(
      Spec spec,
      PlayedMonth played,
      List<Incident> incidents,
      Map<String, SlaReport> consumers,
      List<OutboxEntry> queued) {
    this.spec = spec;
    this.queued = queued;
    this.played = played;
    this.incidents = incidents.stream().sorted(Comparator.comparingLong(Incident::id)).toList();
    this.consumers = consumers;
    this.zone = played.scenario().zone();
  }

  String text(List<Path> written, Path workingDirectory, String storeUrl) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Simulated %s (%s) from %s in %.1f s: %,d passes, %,d check observations, %,d metric"
                + " reports.%n",
            played.scenario().month(),
            zone,
            played.scenario().file(),
            played.took().toMillis() / 1000.0,
            played.passes(),
            played.observations(),
            played.measurements()));
    burns(text);
    incidents(text);
    notifications(text);
    consumers(text);
    text.append(String.format("%nReports of the month:%n"));
    for (Path file : written) {
      text.append("  ").append(shown(file, workingDirectory)).append(String.format("%n"));
    }
    text.append(
        String.format(
            "Read the store again with e.g.%n  nines report sla%s --consumer %s --period %s"
                + " --zone %s --store \"%s\"%n",
            specFlags(),
            consumers.isEmpty() ? "NAME" : consumers.keySet().iterator().next(),
            played.scenario().month(),
            zone,
            storeUrl));
    return text.toString();
  }

  private String specFlags() {
    StringBuilder flags = new StringBuilder();
    for (String file : spec.files()) {
      flags.append(" -c ").append(file);
    }
    return flags.toString();
  }

  private void burns(StringBuilder text) {
    text.append(String.format("%nBurn-rate alerts (multi-window, multi-burn-rate):%n"));
    if (played.burns().isEmpty()) {
      text.append(String.format("  none: no SLO burned its error budget fast enough to alert%n"));
      return;
    }
    for (BurnChange change : played.burns()) {
      String what =
          change.to() == AlertLevel.NONE
              ? "stopped burning fast"
              : String.format(
                  Locale.ROOT,
                  "%-6s burning %s%s",
                  change.to(),
                  change.burn(),
                  sloIncident(change)
                      .map(
                          incident ->
                              " → incident #"
                                  + incident.id()
                                  + " "
                                  + incident.severity()
                                  + " ("
                                  + incident.severity().meaning()
                                  + ")")
                      .orElse(""));
      text.append(
          String.format(Locale.ROOT, "  %s  %-16s %s%n", time(change.at()), change.slo(), what));
    }
  }

  /** The incident the burn opened or raised: about the SLO, open at that pass. */
  private Optional<Incident> sloIncident(BurnChange change) {
    return incidents.stream()
        .filter(incident -> incident.subject().kind() == SubjectKind.SLO)
        .filter(incident -> incident.subject().name().equals(change.slo()))
        .filter(incident -> !incident.detectedAt().isAfter(change.at()))
        .filter(
            incident -> incident.resolvedAt() == null || incident.resolvedAt().isAfter(change.at()))
        .reduce((first, later) -> later);
  }

  private void incidents(StringBuilder text) {
    text.append(String.format("%nIncidents (%d):%n", incidents.size()));
    if (incidents.isEmpty()) {
      return;
    }
    text.append(
        String.format(
            Locale.ROOT,
            "  %-4s %-16s  %-5s %-8s %-26s %-11s %s%n",
            "#",
            "detected",
            "sev",
            "resolved",
            "subject",
            "open for",
            "title"));
    for (Incident incident : incidents) {
      Instant began = incident.startedAt() != null ? incident.startedAt() : incident.detectedAt();
      String downFor =
          incident.resolvedAt() == null
              ? "still open"
              : Values.human(Duration.between(began, incident.resolvedAt()));
      text.append(
          String.format(
              Locale.ROOT,
              "  %-4s %-16s  %-5s %-8s %-26s %-11s %s%n",
              "#" + incident.id(),
              time(incident.detectedAt()),
              incident.severity(),
              incident.resolvedAt() == null ? "no" : "yes",
              incident.subject().kind().name().toLowerCase(Locale.ROOT)
                  + " "
                  + incident.subject().name(),
              downFor,
              incident.title()));
    }
  }

  private void notifications(StringBuilder text) {
    if (queued == null) {
      text.append(
          String.format(
              "%nNotifications: the spec has no notify: channels (add a file with them, e.g. -c"
                  + " examples/quickstart/oncall.yml, to see who would have heard what, and"
                  + " when)%n"));
      return;
    }
    text.append(
        String.format(
            "%nNotifications (%d; what the routes would have sent — nothing was sent):%n",
            queued.size()));
    java.util.Set<String> heard = new java.util.HashSet<>();
    for (OutboxEntry entry : queued) {
      String action = entry.action().name().toLowerCase(Locale.ROOT);
      if (entry.action() == dev.nines.notify.AlertAction.TRIGGER) {
        // a channel hearing the same incidents fire again: a repeat, an escalation or an update
        boolean again = !heard.add(entry.message().channel() + " " + entry.incidentIds());
        action = again ? "again" : action;
      }
      text.append(
          String.format(
              Locale.ROOT,
              "  %s  %-14s %-11s %s%n",
              time(entry.createdAt()),
              entry.message().channel(),
              action,
              entry.incidentIds().stream()
                  .map(id -> "#" + id)
                  .reduce((a, b) -> a + " " + b)
                  .orElse("")));
    }
  }

  private void consumers(StringBuilder text) {
    text.append(String.format("%nConsumers, %s:%n", played.scenario().month()));
    for (SlaReport report : consumers.values()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-14s %d of %d promises kept, budget left %s, downtime %s%s%n",
              report.consumer(),
              report.kept(),
              report.agreements().size(),
              budgetLeft(report),
              report.downtime().downtime().isZero()
                  ? "none"
                  : Values.human(report.downtime().downtime()),
              report.downtime().incidents() == 0
                  ? ""
                  : " in "
                      + report.downtime().incidents()
                      + (report.downtime().incidents() == 1 ? " incident" : " incidents")));
      for (AgreementReport agreement : report.agreements()) {
        text.append(
            String.format(
                Locale.ROOT,
                "    %s %s%n",
                agreement.met() ? "kept    " : "BROKEN  ",
                agreement.promise()));
      }
    }
  }

  /** The least budget left among the consumer's evaluated SLOs. */
  private static String budgetLeft(SlaReport report) {
    return report.agreements().stream()
        .flatMap(agreement -> agreement.slos().stream())
        .filter(SloLine::evaluated)
        .map(SloLine::budgetSpent)
        .filter(spent -> spent != null)
        .max(Comparator.naturalOrder())
        .map(
            spent ->
                BigDecimal.ONE
                        .subtract(spent)
                        .movePointRight(2)
                        .setScale(0, RoundingMode.HALF_UP)
                        .toPlainString()
                    + "%")
        .orElse("–");
  }

  private String time(Instant at) {
    return MINUTE.format(at.atZone(zone));
  }

  private static String shown(Path file, Path workingDirectory) {
    return file.startsWith(workingDirectory)
        ? workingDirectory.relativize(file).toString()
        : file.toString();
  }
}
