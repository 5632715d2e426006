package dev.nines.observation;

/**
 * What a check expects of its measured value: the fail range, the (narrower) warn range, and how a
 * person reads them, e.g. {@code "age ≤ 12h (warn), ≤ 24h (fail)"}.
 */
public record Expectation(Bounds fail, Bounds warn, String unit, String text) {
  public Expectation {
    fail = fail == null ? Bounds.NONE : fail;
    warn = warn == null ? Bounds.NONE : warn;
  }

  /** PASS, WARN or FAIL for a measured value. */
  public Status judge(double value) {
    if (!fail.contains(value)) {
      return Status.FAIL;
    }
    if (!warn.contains(value)) {
      return Status.WARN;
    }
    return Status.PASS;
  }
}
