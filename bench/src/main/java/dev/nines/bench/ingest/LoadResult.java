package dev.nines.bench.ingest;

import java.time.Duration;
import java.util.Arrays;

/**
 * What one timed load produced.
 *
 * @param events events written
 * @param requests requests (or transactions, for the baseline) that carried them
 * @param wall time from the first request to the last answer
 * @param latencyNanos every request's latency, any order
 */
public record LoadResult(int events, int requests, Duration wall, long[] latencyNanos) {
  public LoadResult {
    if (latencyNanos.length != requests) {
      throw new IllegalArgumentException("one latency per request is needed");
    }
    latencyNanos = latencyNanos.clone();
    Arrays.sort(latencyNanos);
  }

  public double eventsPerSecond() {
    return events / (wall.toNanos() / 1e9);
  }

  /** The latency below which {@code fraction} of the requests answered, in milliseconds. */
  public double percentileMillis(double fraction) {
    if (latencyNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(fraction * latencyNanos.length) - 1;
    return latencyNanos[Math.max(0, Math.min(index, latencyNanos.length - 1))] / 1e6;
  }
}
