package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.incident.Incident;
import dev.nines.incident.Resolution;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nines incidents}: list, show and act on incidents, with or without a running server. */
@Command(
    name = "incidents",
    description = "Lists, shows and acts on incidents kept in the store.",
    subcommands = {
      IncidentListCommand.class,
      IncidentShowCommand.class,
      IncidentsCommand.Ack.class,
      IncidentsCommand.Resolve.class,
      IncidentsCommand.Assign.class,
      IncidentsCommand.Comment.class,
      IncidentExplainCommand.class,
      IncidentStatsCommand.class
    })
final class IncidentsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

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

  @Command(name = "ack", description = "Acknowledges an open incident: somebody is on it.")
  static final class Ack extends StoreCommand {
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
  static final class Resolve extends StoreCommand {
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
  static final class Assign extends StoreCommand {
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
  static final class Comment extends StoreCommand {
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
