package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.cli.internal.Platform;
import dev.nines.cli.internal.ProgressReporter;
import dev.nines.cli.report.CheckReport;
import dev.nines.cli.report.ReportFormat;
import dev.nines.cli.report.Summary;
import dev.nines.incident.IncidentManager;
import dev.nines.run.CheckRunner;
import dev.nines.run.History;
import dev.nines.run.RunListener;
import dev.nines.run.RunRequest;
import dev.nines.run.RunResult;
import dev.nines.server.notify.NotifierLoop;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nines check}: runs the checks of a spec and reports them. */
@Command(
    name = "check",
    description = {
      "Runs the checks of the spec against their databases, prints the results and saves them to"
          + " the store.",
      "A FAIL is bad data; an ERROR is a check that could not run (a system problem, not a data"
          + " one)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every check passed (warnings allowed)",
      "1:a check found bad data (at least one FAIL, no ERROR)",
      "2:a check could not run (an ERROR), the spec is invalid, the store failed, or bad usage"
    })
final class CheckCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Mixin StoreOption storeOption;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "Check only this dataset; repeatable (default: all).")
  List<String> datasets = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or junit (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--explain",
      description = "Print the SQL each dataset's checks would send, and run nothing.")
  boolean explain;

  @Option(names = "--no-store", description = "Do not read history from or save to the store.")
  boolean noStore;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout (the summary still prints).")
  Path output;

  /** How long {@code nines check} waits for notifications to go out. */
  static final Duration NOTIFY_WAIT = Duration.ofSeconds(10);

  CheckCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Spec spec = specOptions.load(environment);
    RunRequest request = new RunRequest(new LinkedHashSet<>(DatasetNames.check(datasets, spec)));
    if (explain) {
      return explain(spec, request);
    }
    StoreSpec storeSpec = storeOption.resolve(spec.store(), environment.env());
    NinesStore store = null;
    String storeProblem = null;
    if (!noStore) {
      try {
        store = Platform.openStore(storeSpec);
      } catch (RuntimeException e) {
        storeProblem = StoreProblems.describe("cannot open the store", storeSpec, e);
      }
    }
    RunResult result;
    boolean saved = false;
    try {
      result = run(spec, request, store == null ? History.EMPTY : store);
      if (store != null) {
        try {
          store.incidents().startTailing();
          store.save(result, spec.files());
          saved = true;
        } catch (RuntimeException e) {
          storeProblem = StoreProblems.describe("cannot save the results", storeSpec, e);
        }
      }
      if (saved) {
        try {
          // CI runs open and resolve incidents too, not only a server
          store.incidents().process(new IncidentManager(spec, environment.clock()));
        } catch (RuntimeException e) {
          storeProblem = StoreProblems.describe("cannot update incidents", storeSpec, e);
        }
        deliverNotifications(spec, store);
      }
    } finally {
      if (store != null) {
        StoreProblems.closeQuietly(store);
      }
    }
    int exitCode = storeProblem == null ? result.exitCode() : ExitCodes.SYSTEM_ERROR;
    report(new CheckReport(result, exitCode, saved, storeProblem));
    if (storeProblem != null) {
      environment.err().println("store error: " + storeProblem);
      environment.err().println("the results were reported but not saved; the exit code is 2");
    }
    return exitCode;
  }

  /**
   * Sends what the incident timeline asks for now, waiting {@link #NOTIFY_WAIT} at most; the rest
   * stays in the outbox for {@code nines serve} or the next run. Never fails the check.
   */
  private void deliverNotifications(Spec spec, NinesStore store) {
    if (spec.notifications().channels().isEmpty()) {
      return;
    }
    try (NotifierLoop notifier =
        NotifierLoop.wire(() -> spec, store.notifications(), environment.clock())) {
      if (!notifier.drain(NOTIFY_WAIT)) {
        environment
            .err()
            .println("some notifications are still being sent: see nines notify outbox");
      }
    } catch (RuntimeException e) {
      environment
          .err()
          .println("notifications not sent now (kept in the outbox): " + e.getMessage());
    }
  }

  private RunResult run(Spec spec, RunRequest request, History history) {
    ProgressReporter progress =
        new ProgressReporter(
            environment.err(),
            environment.errIsTerminal(),
            environment.clock(),
            Duration.ofSeconds(2));
    try (CheckRunner runner = new CheckRunner(spec, history, environment.clock(), progress)) {
      return runner.run(request);
    } finally {
      progress.finish();
    }
  }

  private int explain(Spec spec, RunRequest request) {
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, environment.clock(), RunListener.NONE)) {
      ExplainPrinter.print(runner.explain(request), environment.out());
    }
    return ExitCodes.OK;
  }

  private void report(CheckReport report) {
    if (output == null) {
      format.writer(environment.colours()).write(report, environment.out());
      return;
    }
    Path file = environment.workingDirectory().resolve(output);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (PrintWriter writer =
          new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
        format.writer(false).write(report, writer);
      }
    } catch (IOException e) {
      throw new NinesException("cannot write the report to " + output + ": " + e.getMessage(), e);
    }
    Summary summary = Summary.of(report.result());
    environment.out().println(summary.countsLine());
    environment
        .out()
        .println(summary.verdictLine(report.exitCode(), report.storeProblem() != null));
    environment.out().println(format + " report written to " + output);
  }
}
