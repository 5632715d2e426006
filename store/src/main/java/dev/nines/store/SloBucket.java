package dev.nines.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One persisted bucket of an SLO's incremental aggregate (or a delta to add to it).
 *
 * @param slo the SLO's name
 * @param widthSeconds 60 for a minute bucket, 3600 for an hour bucket
 * @param bucketNumber epoch seconds divided by the width
 * @param good good units counted in it
 * @param bad bad units counted in it
 * @param noData units without data in it, already counted as good or bad by the no-data policy
 */
public record SloBucket(
    String slo, int widthSeconds, long bucketNumber, long good, long bad, long noData) {
  public static final int MINUTE = 60;
  public static final int HOUR = 3_600;

  public SloBucket {
    Objects.requireNonNull(slo, "slo");
    if (widthSeconds != MINUTE && widthSeconds != HOUR) {
      throw new IllegalArgumentException("a bucket is a minute or an hour wide: " + widthSeconds);
    }
    if (good < 0 || bad < 0 || noData < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** When the bucket starts. */
  public Instant start() {
    return Instant.ofEpochSecond(bucketNumber * widthSeconds);
  }

  public Duration width() {
    return Duration.ofSeconds(widthSeconds);
  }
}
