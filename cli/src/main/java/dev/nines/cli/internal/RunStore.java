package dev.nines.cli.internal;

import dev.nines.run.History;
import dev.nines.run.RunResult;

/** The store as the CLI uses it: the history checks read, and where a run's results are saved. */
public interface RunStore extends History, AutoCloseable {
  /** Saves everything a run produced. */
  void save(RunResult result);

  @Override
  void close();
}
