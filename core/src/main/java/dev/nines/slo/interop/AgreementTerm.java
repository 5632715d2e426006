package dev.nines.slo.interop;

import java.time.Duration;
import java.util.Objects;

/**
 * One service-level term of a data contract, kept for the consumer agreement it belongs to
 * (latency, frequency, availability, retention, time to detect, time to repair).
 *
 * @param property the contract's property name, e.g. {@code timeToRepair}
 * @param value the value as written, with its unit, e.g. {@code 4 h}
 * @param duration the value as a duration when it is one, else null (availability, years)
 * @param dataset the dataset it is about, null when the contract says none
 * @param driver why it matters (regulatory, analytics, operational), may be null
 * @param path where it was in the contract
 */
public record AgreementTerm(
    String property, String value, Duration duration, String dataset, String driver, String path) {
  public AgreementTerm {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(path, "path");
  }
}
