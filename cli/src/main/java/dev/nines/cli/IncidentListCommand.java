package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.IncidentView;
import dev.nines.incident.Severity;
import dev.nines.store.IncidentQuery;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nines incidents list}: incidents, newest first. */
@Command(name = "list", description = "Lists incidents, newest first.")
final class IncidentListCommand extends StoreCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "open, acknowledged, resolved or active.")
  String status;

  @Option(names = "--severity", paramLabel = "SEV", description = "SEV1, SEV2, SEV3 or INFO.")
  String severity;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "About this dataset, pipeline or source, or impacting it.")
  String dataset;

  @Option(names = "--owner", paramLabel = "OWNER", description = "Owned by.")
  String owner;

  @Option(names = "--consumer", paramLabel = "NAME", description = "Affecting this consumer.")
  String consumer;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "How many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  IncidentsCommand.Format format;

  IncidentListCommand(CliEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new NinesException("--limit must be at least 1, not " + limit);
    }
    IncidentStatus exact = null;
    Boolean active = null;
    if (status != null) {
      if (status.equalsIgnoreCase("active")) {
        active = true;
      } else {
        exact =
            IncidentsCommand.parse(
                IncidentStatus.class, status, "--status", "open, acknowledged, resolved or active");
      }
    }
    IncidentQuery query =
        new IncidentQuery(
            exact,
            active,
            severity == null
                ? null
                : IncidentsCommand.parse(
                    Severity.class, severity, "--severity", "SEV1, SEV2, SEV3 or INFO"),
            dataset,
            owner,
            consumer,
            null,
            null);
    List<Incident> incidents = withStore(store -> store.incidents().list(query, limit, 0));
    if (format == IncidentsCommand.Format.json) {
      printJson(incidents.stream().map(IncidentView::of).toList());
      return ExitCodes.OK;
    }
    PrintWriter out = environment.out();
    if (incidents.isEmpty()) {
      out.println("no incidents");
      return ExitCodes.OK;
    }
    String row = "%-6s %-5s %-22s %-6s %-20s %-8s %-8s %s%n";
    out.printf(row, "ID", "SEV", "STATUS", "KIND", "DETECTED", "TTD", "TTR", "TITLE");
    for (Incident incident : incidents) {
      out.printf(
          row,
          "#" + incident.id(),
          incident.severity(),
          IncidentText.status(incident),
          incident.kind(),
          incident.detectedAt(),
          IncidentText.duration(java.util.Optional.of(incident.timeToDetect())),
          IncidentText.duration(incident.timeToResolve()),
          incident.title());
    }
    return ExitCodes.OK;
  }
}
