package dev.nines.check;

import dev.nines.observation.Expectation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check found, before the engine adds the dataset, the SQL and the timing.
 *
 * @param status PASS, WARN or FAIL
 * @param value the measured value, null when there is none
 * @param expectation the expected range, may be null
 * @param message one line a person reads first
 * @param details extra lines
 * @param measurements metric → value, stored as time series
 * @param schema a schema snapshot to keep, or null
 */
public record Outcome(
    Status status,
    Double value,
    Expectation expectation,
    String message,
    List<String> details,
    Map<String, Double> measurements,
    SchemaSnapshot schema) {
  public Outcome {
    if (status == Status.ERROR) {
      throw new IllegalArgumentException("a check that cannot run throws CheckException");
    }
    details = details == null ? List.of() : List.copyOf(details);
    measurements =
        measurements == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
  }

  /** An outcome whose status is the expectation's verdict on the value. */
  public static Outcome judged(
      double value,
      Expectation expectation,
      String message,
      List<String> details,
      Map<String, Double> measurements) {
    return new Outcome(
        expectation.judge(value), value, expectation, message, details, measurements, null);
  }
}
