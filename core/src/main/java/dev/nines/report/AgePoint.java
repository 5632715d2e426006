package dev.nines.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One freshness observation: the age a check measured at an instant. Written in JSON as the pair
 * {@code ["2026-10-01T00:00:00Z", 3600]} to keep long series short.
 *
 * @param at when the age was measured
 * @param ageSeconds the age measured, in seconds
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"at", "ageSeconds"})
public record AgePoint(Instant at, long ageSeconds) {
  public AgePoint {
    Objects.requireNonNull(at, "at");
  }
}
