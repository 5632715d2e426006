package dev.nines.run;

import dev.nines.spec.Spec;
import java.time.Clock;
import java.util.List;

/**
 * Runs the checks of a spec against their sources: one catalog read and one shared aggregate scan
 * per dataset and filter, plus the few extra queries some checks need. Holds one connection pool
 * per source until closed.
 */
public final class CheckRunner implements AutoCloseable {
  private final Spec spec;
  private final History history;
  private final Clock clock;
  private final RunListener listener;

  public CheckRunner(Spec spec, History history, Clock clock, RunListener listener) {
    this.spec = spec;
    this.history = history;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Runs the requested datasets' checks. Never throws for a database problem: those are ERROR
   * observations.
   */
  public RunResult run(RunRequest request) {
    throw new UnsupportedOperationException("being built by the check engine");
  }

  /** The SQL {@link #run} would send, per dataset, without scanning any table. */
  public List<DatasetPlan> explain(RunRequest request) {
    throw new UnsupportedOperationException("being built by the check engine");
  }

  @Override
  public void close() {}
}
