package dev.nines.cli.internal;

import dev.nines.run.RunListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows which dataset a run is on, on stderr only: a live line on a terminal, plain lines once a
 * run has taken longer than {@code quietFor} otherwise. stdout stays clean for JSON and XML.
 */
public final class ProgressReporter implements RunListener {
  private static final String CLEAR_LINE = "\r\u001b[K";

  private final PrintWriter err;
  private final boolean live;
  private final Clock clock;
  private final Duration quietFor;
  private final Instant startedAt;
  private boolean lineShown;
  private int started;

  public ProgressReporter(PrintWriter err, boolean live, Clock clock, Duration quietFor) {
    this.err = err;
    this.live = live;
    this.clock = clock;
    this.quietFor = quietFor;
    this.startedAt = clock.instant();
  }

  @Override
  public synchronized void datasetStarted(String dataset, int index, int total) {
    // datasets run in parallel, so count starts rather than trust the order of the calls
    started++;
    String text = "checking " + dataset + " (" + started + "/" + total + ")";
    if (live) {
      err.print(CLEAR_LINE + text + "…");
      err.flush();
      lineShown = true;
    } else if (Duration.between(startedAt, clock.instant()).compareTo(quietFor) > 0) {
      err.println(text);
      err.flush();
    }
  }

  /** Clears the live line so the results print on a clean terminal. */
  public synchronized void finish() {
    if (lineShown) {
      err.print(CLEAR_LINE);
      err.flush();
      lineShown = false;
    }
  }
}
