package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.notify.GroupState;
import dev.nines.store.NinesStore;
import dev.nines.store.OutboxEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nines notify outbox}: notifications waiting for delivery or given up. */
@Command(
    name = "notify",
    description = "Shows the notification outbox.",
    subcommands = {NotifyCommand.Outbox.class})
final class NotifyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NinesException("say what to show: nines notify outbox [--failed]");
  }

  @Command(
      name = "outbox",
      description = "Lists notifications waiting for delivery and those given up, newest first.")
  static final class Outbox implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin CommonOptions common;
    @Mixin SpecOptions specOptions;
    @Mixin StoreOption storeOption;

    @Option(names = "--failed", description = "Only the notifications given up.")
    boolean failed;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "How many (default: ${DEFAULT-VALUE}).")
    int limit;

    Outbox(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new NinesException("--limit must be at least 1, not " + limit);
      }
      NinesStore store = StoreAccess.open(specOptions, storeOption, environment);
      List<OutboxEntry> entries;
      List<GroupState> waiting;
      try {
        entries = store.notifications().outbox(failed, limit);
        waiting = failed ? List.of() : store.notifications().waiting(limit);
      } finally {
        StoreProblems.closeQuietly(store);
      }
      PrintWriter out = environment.out();
      for (GroupState group : waiting) {
        out.printf(
            "waiting: incident #%d to %s at %s%s%n",
            group.incidentId(),
            group.channel(),
            group.dueAt(),
            group.heldUntil() == null ? "" : " (held until " + group.heldUntil() + ")");
      }
      if (entries.isEmpty()) {
        out.println(failed ? "no notification was given up" : "the outbox is empty");
        return ExitCodes.OK;
      }
      // the target, headers and body are not printed: they hold webhook urls and keys
      String format = "%-6s  %-9s  %-11s  %-16s  %-10s  %8s  %-24s  %s%n";
      out.printf(
          format,
          "ID",
          "STATUS",
          "ACTION",
          "CHANNEL",
          "INCIDENTS",
          "ATTEMPTS",
          "NEXT ATTEMPT",
          "LAST ERROR");
      for (OutboxEntry entry : entries) {
        out.printf(
            format,
            entry.id(),
            entry.status(),
            entry.action(),
            entry.channel(),
            String.join(",", entry.incidentIds().stream().map(id -> "#" + id).toList()),
            entry.attempts(),
            entry.status() == dev.nines.store.OutboxStatus.PENDING ? entry.nextAttemptAt() : "-",
            entry.lastError() == null ? "" : entry.lastError());
      }
      return ExitCodes.OK;
    }
  }
}
