package dev.nines.cli;

import dev.nines.incident.IncidentView;
import dev.nines.incident.TimelineEntry;
import dev.nines.store.IncidentObservation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nines incidents show ID}: an incident with its timeline and observations. */
@Command(name = "show", description = "Shows an incident with its timeline and observations.")
final class IncidentShowCommand extends StoreCommand {
  @Parameters(paramLabel = "ID", description = "The incident's number.")
  String id;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  IncidentsCommand.Format format;

  IncidentShowCommand(CliEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    long number = parseId(id);
    record Details(
        IncidentView incident,
        List<TimelineEntry> timeline,
        List<IncidentObservation> observations) {}
    Details details =
        withStore(
            store ->
                new Details(
                    IncidentView.of(
                        store
                            .incidents()
                            .incident(number)
                            .orElseThrow(
                                () -> new dev.nines.incident.IncidentNotFoundException(number))),
                    store.incidents().timeline(number),
                    store.incidents().observations(number, 100)));
    if (format == IncidentsCommand.Format.json) {
      printJson(details);
      return ExitCodes.OK;
    }
    IncidentView incident = details.incident();
    PrintWriter out = environment.out();
    out.println("#" + incident.id() + " " + incident.title());
    out.println("  severity:    " + incident.severity() + " (" + incident.severityMeaning() + ")");
    out.println(
        "  status:      "
            + incident.status().name().toLowerCase(Locale.ROOT)
            + (incident.resolution() == null
                ? ""
                : " as " + incident.resolution().name().toLowerCase(Locale.ROOT)));
    out.println(
        "  kind:        "
            + incident.kind()
            + (incident.kind() == dev.nines.observation.Kind.SYSTEM
                ? " (something around the data failed)"
                : " (the data is wrong)"));
    out.println("  subject:     " + incident.subject() + ", cause " + incident.cause());
    out.println("  owner:       " + (incident.owner() == null ? "-" : incident.owner()));
    out.println(
        "  consumers:   "
            + (incident.consumers().isEmpty() ? "-" : String.join(", ", incident.consumers())));
    incident.agreements().forEach(promise -> out.println("  agreement:   " + promise));
    out.println(
        "  impact:      "
            + (incident.impact().isEmpty()
                ? "-"
                : incident.impact().stream()
                    .map(Object::toString)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("")));
    out.println("  started:     " + incident.startedAt());
    out.println(
        "  detected:    "
            + incident.detectedAt()
            + " (TTD "
            + dev.nines.spec.Values.human(incident.timeToDetect())
            + ")");
    if (incident.acknowledgedAt() != null) {
      out.println(
          "  acknowledged: "
              + incident.acknowledgedAt()
              + " (TTA "
              + dev.nines.spec.Values.human(incident.timeToAcknowledge())
              + ")");
    }
    if (incident.resolvedAt() != null) {
      out.println(
          "  resolved:    "
              + incident.resolvedAt()
              + " (TTR "
              + dev.nines.spec.Values.human(incident.timeToResolve())
              + ")");
    }
    out.println(
        "  failures:    " + incident.observationCount() + ", last: " + incident.lastMessage());
    out.println("timeline:");
    for (TimelineEntry entry : details.timeline()) {
      out.println(
          "  " + entry.at() + "  " + entry.kind() + "  " + entry.actor() + "  " + entry.text());
    }
    out.println("observations:");
    for (IncidentObservation observation : details.observations()) {
      out.println(
          "  "
              + observation.observedAt()
              + "  "
              + observation.role()
              + "  "
              + observation.dataset()
              + "."
              + observation.check()
              + "  "
              + observation.status()
              + "  "
              + observation.message());
    }
    return ExitCodes.OK;
  }
}
