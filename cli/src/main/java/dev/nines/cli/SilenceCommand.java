package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.notify.Silence;
import dev.nines.server.notify.SilenceDraft;
import dev.nines.server.notify.Silences;
import dev.nines.spec.Values;
import dev.nines.store.NinesStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nines silence add|list|remove}: hold notifications about some incidents for a while. */
@Command(
    name = "silence",
    description = "Silences notifications about some incidents for a while.",
    subcommands = {
      SilenceCommand.Add.class,
      SilenceCommand.ListSilences.class,
      SilenceCommand.Remove.class
    })
final class SilenceCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NinesException("say what to do: nines silence add, list or remove");
  }

  private static Silences silences(NinesStore store, CliEnvironment environment) {
    return new Silences(store.notifications(), environment.clock());
  }

  static void print(PrintWriter out, Silence silence, Instant now) {
    out.printf(
        "#%d  %s  %s -> %s%s  by %s: %s%n",
        silence.id(),
        silence.match(),
        silence.startsAt(),
        silence.endsAt(),
        silence.isActive(now) ? "" : " (not started)",
        silence.author(),
        silence.reason());
  }

  @Command(name = "add", description = "Adds a silence; alerts it matches are recorded, not sent.")
  static final class Add implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin CommonOptions common;
    @Mixin SpecOptions specOptions;
    @Mixin StoreOption storeOption;

    @Option(names = "--dataset", description = "Incidents about this dataset.")
    String dataset;

    @Option(names = "--pipeline", description = "Incidents about this pipeline.")
    String pipeline;

    @Option(names = "--source", description = "Incidents about this source (database).")
    String source;

    @Option(names = "--severity", description = "Incidents of this severity (SEV1..INFO).")
    String severity;

    @Option(names = "--owner", description = "Incidents of this owner.")
    String owner;

    @Option(names = "--for", paramLabel = "DURATION", description = "How long, e.g. 2h or 30m.")
    String duration;

    @Option(
        names = "--until",
        paramLabel = "INSTANT",
        description = "Until when, e.g. 2026-03-02T18:00:00Z (instead of --for).")
    String until;

    @Option(names = "--reason", required = true, description = "Why: the next person reads it.")
    String reason;

    @Option(
        names = "--author",
        description = "Who sets it (default: the USER environment variable).")
    String author;

    Add(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      Duration length = null;
      Instant end = null;
      try {
        length = duration == null ? null : Values.duration(duration);
        end = until == null ? null : Instant.parse(until);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new NinesException(
            "--for takes a duration such as 2h, --until an instant such as 2026-03-02T18:00:00Z");
      }
      String who = author != null ? author : environment.env().getOrDefault("USER", "unknown");
      NinesStore store = StoreAccess.open(specOptions, storeOption, environment);
      try {
        Silence silence =
            silences(store, environment)
                .add(
                    new SilenceDraft(
                        dataset, pipeline, source, severity, owner, null, length, end, reason,
                        who));
        environment.out().print("silence added: ");
        print(environment.out(), silence, environment.clock().instant());
        return ExitCodes.OK;
      } catch (IllegalArgumentException e) {
        throw new NinesException("cannot add the silence: " + e.getMessage());
      } finally {
        StoreProblems.closeQuietly(store);
      }
    }
  }

  @Command(name = "list", description = "Lists silences in force or to come.")
  static final class ListSilences implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin CommonOptions common;
    @Mixin SpecOptions specOptions;
    @Mixin StoreOption storeOption;

    ListSilences(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      NinesStore store = StoreAccess.open(specOptions, storeOption, environment);
      try {
        List<Silence> current = silences(store, environment).current();
        if (current.isEmpty()) {
          environment.out().println("no silences");
        }
        Instant now = environment.clock().instant();
        current.forEach(silence -> print(environment.out(), silence, now));
        return ExitCodes.OK;
      } finally {
        StoreProblems.closeQuietly(store);
      }
    }
  }

  @Command(name = "remove", description = "Ends a silence now.")
  static final class Remove implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin CommonOptions common;
    @Mixin SpecOptions specOptions;
    @Mixin StoreOption storeOption;

    @Parameters(index = "0", paramLabel = "ID", description = "The silence's number.")
    long id;

    Remove(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      NinesStore store = StoreAccess.open(specOptions, storeOption, environment);
      try {
        if (!silences(store, environment).remove(id)) {
          throw new NinesException("no silence #" + id + " (see nines silence list)");
        }
        environment.out().println("silence #" + id + " removed");
        return ExitCodes.OK;
      } finally {
        StoreProblems.closeQuietly(store);
      }
    }
  }
}
