package dev.nines.pipeline;

import java.time.Duration;

/**
 * How far back a {@link PipelineWatcher} judges and how it learns what is typical.
 *
 * @param lookback slots scheduled, and runs started, longer ago than this are no longer judged
 *     (runs still going always are, and a slot stays in view until its deadline has passed)
 * @param maxSlots the most recent scheduled slots judged at once, so an every-minute schedule stays
 *     cheap
 * @param typicalRuns how many of the last successful runs give the typical duration (a median)
 * @param typicalMinRuns fewer successful runs than this and no typical duration is assumed
 * @param atRiskShare a run still going after this share of the time from its start to its deadline
 *     is at risk, even when its typical duration says nothing
 */
public record WatchSettings(
    Duration lookback, int maxSlots, int typicalRuns, int typicalMinRuns, double atRiskShare) {
  /** Two days back, 200 slots, the median of the last 10 runs (3 at least), 80%. */
  public static final WatchSettings DEFAULT =
      new WatchSettings(Duration.ofDays(2), 200, 10, 3, 0.8);

  public WatchSettings {
    if (lookback == null || lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException("lookback must be longer than zero");
    }
    if (maxSlots < 1 || typicalRuns < 1 || typicalMinRuns < 1 || typicalMinRuns > typicalRuns) {
      throw new IllegalArgumentException(
          "need maxSlots >= 1 and 1 <= typicalMinRuns <= typicalRuns");
    }
    if (!(atRiskShare > 0 && atRiskShare < 1)) {
      throw new IllegalArgumentException("atRiskShare must be between 0 and 1");
    }
  }
}
