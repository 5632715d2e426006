package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.cli.internal.Platform;
import dev.nines.server.run.NativeRuns;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import dev.nines.store.PipelineRunRecord;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nines run start|complete|fail}: reports a pipeline run for jobs without OpenLineage, e.g.
 * a cron job wrapping itself. {@code start} prints the run id for the later calls.
 */
@Command(
    name = "run",
    description = {
      "Reports a pipeline run: start prints the new run's id; complete and fail end it.",
      "Example: ID=$(nines run start --pipeline load_orders) && load.sh &&"
          + " nines run complete --run-id $ID || nines run fail --run-id $ID --message failed"
    })
final class RunCommand implements Callable<Integer> {
  /** What to report. */
  enum Action {
    start,
    complete,
    fail
  }

  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Mixin StoreOption storeOption;

  @Parameters(index = "0", paramLabel = "ACTION", description = "start, complete or fail.")
  Action action;

  @Option(
      names = "--pipeline",
      paramLabel = "NAME",
      description = "The pipeline (required for start).")
  String pipeline;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "The run (required for complete and fail; optional for start).")
  UUID runId;

  @Option(names = "--rows", paramLabel = "N", description = "Rows the run wrote.")
  Long rows;

  @Option(names = "--message", paramLabel = "TEXT", description = "Why the run failed.")
  String message;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Report to a running nines serve (e.g. http://nines:8080) instead of the store;"
              + " the API key comes from NINES_API_KEY.")
  String server;

  RunCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    validate();
    PipelineRunRecord run =
        server == null ? reportToStore() : new RunReporter(server, environment.env()).report(this);
    if (action == Action.start) {
      environment.out().println(run.runId());
    } else {
      environment.out().println("run " + run.runId() + " " + run.state());
    }
    return ExitCodes.OK;
  }

  private void validate() {
    if (action == Action.start && (pipeline == null || pipeline.isBlank())) {
      throw new NinesException("nines run start needs --pipeline NAME");
    }
    if (action != Action.start && runId == null) {
      throw new NinesException(
          "nines run " + action + " needs --run-id ID (the id nines run start printed)");
    }
    if (rows != null && rows < 0) {
      throw new NinesException("--rows must be 0 or more, not " + rows);
    }
  }

  private PipelineRunRecord reportToStore() {
    Spec spec = specOptions.load(environment);
    StoreSpec storeSpec = storeOption.resolve(spec.store(), environment.env());
    NinesStore store;
    try {
      store = Platform.openStore(storeSpec);
    } catch (RuntimeException e) {
      throw new NinesException(StoreProblems.describe("cannot open the store", storeSpec, e), e);
    }
    try {
      NativeRuns runs = new NativeRuns(store, () -> spec, environment.clock());
      return switch (action) {
        case start -> runs.start(pipeline, runId);
        case complete -> runs.complete(runId, rows);
        case fail -> runs.fail(runId, message, rows);
      };
    } finally {
      StoreProblems.closeQuietly(store);
    }
  }
}
