package dev.nines.observation;

import java.time.Instant;

/**
 * One value of one metric of one subject at one time, e.g. dataset {@code orders}, check {@code
 * row_count}, metric {@code row_count}, 120345.
 */
public record Measurement(
    String dataset, String check, String metric, double value, Instant measuredAt) {}
