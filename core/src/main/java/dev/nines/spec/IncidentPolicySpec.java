package dev.nines.spec;

import dev.nines.incident.Severity;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code incidents:} section: when incidents resolve, reopen and escalate, and the rules that
 * decide their severity before the default policy.
 *
 * @param autoResolveAfter consecutive passing observations of the cause that resolve an incident
 * @param reopenWithin a failure this soon after resolution reopens the incident
 * @param escalate unresolved this long at a level -> one level more urgent
 * @param severityRules first matching rule wins
 */
public record IncidentPolicySpec(
    int autoResolveAfter,
    Duration reopenWithin,
    Map<Severity, Duration> escalate,
    List<SeverityRuleSpec> severityRules) {
  public static final int DEFAULT_AUTO_RESOLVE_AFTER = 2;
  public static final Duration DEFAULT_REOPEN_WITHIN = Duration.ofHours(1);

  /**
   * SEV3 waits two weeks (a sprint) and SEV2 three days (a weekend plus a working day) before they
   * become more urgent.
   */
  public static final Map<Severity, Duration> DEFAULT_ESCALATE =
      Map.of(Severity.SEV3, Duration.ofDays(14), Severity.SEV2, Duration.ofDays(3));

  /** The policy when the spec has no {@code incidents:} section. */
  public static final IncidentPolicySpec DEFAULT =
      new IncidentPolicySpec(
          DEFAULT_AUTO_RESOLVE_AFTER, DEFAULT_REOPEN_WITHIN, DEFAULT_ESCALATE, List.of());

  public IncidentPolicySpec {
    if (autoResolveAfter < 1) {
      throw new IllegalArgumentException("autoResolveAfter must be at least 1");
    }
    Objects.requireNonNull(reopenWithin, "reopenWithin");
    EnumMap<Severity, Duration> levels = new EnumMap<>(Severity.class);
    if (escalate != null) {
      levels.putAll(escalate);
    }
    levels.remove(Severity.SEV1); // nothing is more urgent
    escalate = Collections.unmodifiableMap(levels);
    severityRules = severityRules == null ? List.of() : List.copyOf(severityRules);
  }
}
