package dev.nines.cli;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentNotFoundException;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nines incidents explain ID}: which rule gave the severity, and from what. */
@Command(
    name = "explain",
    description = "Says which rule gave an incident its severity, and with what inputs.")
final class IncidentExplainCommand extends StoreCommand {
  @Parameters(paramLabel = "ID", description = "The incident's number.")
  String id;

  IncidentExplainCommand(CliEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    long number = parseId(id);
    record Found(Incident incident, List<TimelineEntry> timeline) {}
    Found found =
        withStore(
            store ->
                new Found(
                    store
                        .incidents()
                        .incident(number)
                        .orElseThrow(() -> new IncidentNotFoundException(number)),
                    store.incidents().timeline(number)));
    Incident incident = found.incident();
    PrintWriter out = environment.out();
    out.println(
        "#"
            + incident.id()
            + " is "
            + incident.severity()
            + " ("
            + incident.severity().meaning()
            + ")");
    out.println("because: " + incident.severityRule());
    out.println("inputs:");
    out.println("  subject:    " + incident.subject() + " (cause " + incident.cause() + ")");
    out.println("  kind:       " + incident.kind());
    out.println("  owner:      " + (incident.owner() == null ? "-" : incident.owner()));
    out.println(
        "  consumers:  "
            + (incident.consumers().isEmpty() ? "none" : String.join(", ", incident.consumers())));
    for (String promise : incident.agreements()) {
      out.println("  agreement:  " + promise);
    }
    out.println(
        "  impact:     "
            + (incident.impact().isEmpty()
                ? "none"
                : String.join(", ", incident.impact().stream().map(Object::toString).toList())));
    out.println(
        "  unresolved: " + (incident.isActive() ? "yes, since " + incident.detectedAt() : "no"));
    List<TimelineEntry> changes =
        found.timeline().stream().filter(e -> e.kind() == TimelineKind.SEVERITY_CHANGED).toList();
    if (!changes.isEmpty()) {
      out.println("severity changes:");
      changes.forEach(change -> out.println("  " + change.at() + "  " + change.text()));
    }
    return ExitCodes.OK;
  }
}
