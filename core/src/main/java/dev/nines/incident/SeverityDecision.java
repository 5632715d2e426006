package dev.nines.incident;

import java.util.Objects;

/** A severity and, in words, the rule that gave it. */
public record SeverityDecision(Severity severity, String rule) {
  public SeverityDecision {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
  }
}
