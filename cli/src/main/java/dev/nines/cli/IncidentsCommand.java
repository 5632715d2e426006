package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.IncidentView;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.TimelineEntry;
import dev.nines.store.IncidentObservation;
import dev.nines.store.IncidentQuery;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nines incidents}: list, show and act on incidents, with or without a running server. */
@Command(
    name = "incidents",
    description = "Lists, shows and acts on incidents kept in the store.",
    subcommands = {
      IncidentsCommand.ListIncidents.class,
      IncidentsCommand.Show.class,
      IncidentsCommand.Ack.class,
      IncidentsCommand.Resolve.class,
      IncidentsCommand.Assign.class,
      IncidentsCommand.Comment.class,
      IncidentExplainCommand.class,
      IncidentStatsCommand.class
    })
final class IncidentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "a subcommand is missing: list, show, ack, resolve, assign, comment, explain or stats");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The forms lists print in. */
  enum Format {
    table,
    json
  }

  @Command(name = "list", description = "Lists incidents, newest first.")
  static final class ListIncidents extends IncidentCommandBase {
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
    Format format;

    ListIncidents(CliEnvironment environment) {
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
              parse(
                  IncidentStatus.class,
                  status,
                  "--status",
                  "open, acknowledged, resolved or active");
        }
      }
      IncidentQuery query =
          new IncidentQuery(
              exact,
              active,
              severity == null
                  ? null
                  : parse(Severity.class, severity, "--severity", "SEV1, SEV2, SEV3 or INFO"),
              dataset,
              owner,
              consumer,
              null,
              null);
      List<Incident> incidents = withStore(store -> store.incidents().list(query, limit, 0));
      if (format == Format.json) {
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

  @Command(name = "show", description = "Shows an incident with its timeline and observations.")
  static final class Show extends IncidentCommandBase {
    @Parameters(paramLabel = "ID", description = "The incident's number.")
    String id;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    Show(CliEnvironment environment) {
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
      if (format == Format.json) {
        printJson(details);
        return ExitCodes.OK;
      }
      IncidentView incident = details.incident();
      PrintWriter out = environment.out();
      out.println("#" + incident.id() + " " + incident.title());
      out.println(
          "  severity:    " + incident.severity() + " (" + incident.severityMeaning() + ")");
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

  @Command(name = "ack", description = "Acknowledges an open incident: somebody is on it.")
  static final class Ack extends IncidentCommandBase {
    @Parameters(paramLabel = "ID", description = "The incident's number.")
    String id;

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "Who acknowledges (default: your login name).")
    String by;

    Ack(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      long number = parseId(id);
      Incident incident = withStore(store -> store.incidents().acknowledge(number, actor(by)));
      environment.out().println("#" + incident.id() + " acknowledged by " + actor(by));
      return ExitCodes.OK;
    }
  }

  @Command(name = "resolve", description = "Resolves an incident, saying why.")
  static final class Resolve extends IncidentCommandBase {
    @Parameters(paramLabel = "ID", description = "The incident's number.")
    String id;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "RESOLUTION",
        description = "fixed, expected, false_positive or no_action_needed.")
    String as;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why, in words.")
    String comment;

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "Who resolves (default: your login name).")
    String by;

    Resolve(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      long number = parseId(id);
      Resolution resolution =
          parse(
              Resolution.class, as, "--as", "fixed, expected, false_positive or no_action_needed");
      Incident incident =
          withStore(store -> store.incidents().resolve(number, resolution, actor(by), comment));
      environment
          .out()
          .println(
              "#" + incident.id() + " resolved as " + resolution.name().toLowerCase(Locale.ROOT));
      return ExitCodes.OK;
    }
  }

  @Command(name = "assign", description = "Gives an incident to another owner.")
  static final class Assign extends IncidentCommandBase {
    @Parameters(index = "0", paramLabel = "ID", description = "The incident's number.")
    String id;

    @Parameters(index = "1", paramLabel = "OWNER", description = "The new owner.")
    String owner;

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "Who reassigns (default: your login name).")
    String by;

    Assign(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      long number = parseId(id);
      if (owner.isBlank()) {
        throw new NinesException("OWNER must not be empty");
      }
      withStore(store -> store.incidents().assign(number, owner.strip(), actor(by)));
      environment.out().println("#" + number + " assigned to " + owner.strip());
      return ExitCodes.OK;
    }
  }

  @Command(name = "comment", description = "Adds a comment to an incident's timeline.")
  static final class Comment extends IncidentCommandBase {
    @Parameters(index = "0", paramLabel = "ID", description = "The incident's number.")
    String id;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The comment.")
    String text;

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "Who comments (default: your login name).")
    String by;

    Comment(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      long number = parseId(id);
      if (text.isBlank()) {
        throw new NinesException("TEXT must not be empty");
      }
      withStore(store -> store.incidents().comment(number, text, actor(by)));
      environment.out().println("#" + number + " commented");
      return ExitCodes.OK;
    }
  }

  /** An enum value from its name in any case, or a message naming the option and the choices. */
  static <E extends Enum<E>> E parse(Class<E> type, String text, String option, String choices) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NinesException(option + ": unknown value '" + text + "' (use " + choices + ")");
    }
  }
}
