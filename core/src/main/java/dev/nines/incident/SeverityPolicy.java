package dev.nines.incident;

import dev.nines.observation.Kind;
import dev.nines.observation.Status;
import dev.nines.spec.SeverityRuleSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides an incident's severity: the spec's {@code incidents.severity} rules first (the first that
 * matches wins), then the default policy.
 *
 * <p>The default policy, sensible with no configuration:
 *
 * <ol>
 *   <li>a floor by failure kind: a database that cannot be reached or a pipeline that failed, was
 *       missed, late or too long is SEV2; any other failure (a data failure, a check that could not
 *       run) is SEV3;
 *   <li>the most urgent {@code breach} of the consumers whose agreements it touches, when more
 *       urgent than the floor;
 *   <li>one level less urgent when the check only warned (WARN): SEV1 becomes SEV2, SEV3 becomes
 *       INFO.
 *   <li>for an SLO's burn-rate alert (subject {@link SubjectKind#SLO}): a page (FAIL) takes the
 *       breach urgency of the consumers whose agreements list the SLO; a ticket (WARN) is no more
 *       urgent than SEV2.
 * </ol>
 */
public final class SeverityPolicy {
  private final List<SeverityRuleSpec> rules;

  public SeverityPolicy(List<SeverityRuleSpec> rules) {
    this.rules = List.copyOf(rules);
  }

  public SeverityDecision decide(SeverityInputs inputs) {
    for (SeverityRuleSpec rule : rules) {
      if (matches(rule, inputs)) {
        return new SeverityDecision(
            rule.severity(),
            "rule "
                + rule.index()
                + " of incidents.severity ("
                + rule.location()
                + ") gives "
                + rule.severity());
      }
    }
    return byDefault(inputs);
  }

  private static SeverityDecision byDefault(SeverityInputs inputs) {
    boolean systemDown =
        inputs.kind() == Kind.SYSTEM
            && (inputs.subject().kind() == SubjectKind.SOURCE
                || inputs.subject().kind() == SubjectKind.PIPELINE);
    Severity severity = systemDown ? Severity.SEV2 : Severity.SEV3;
    String reason =
        switch (inputs.subject().kind()) {
          case SOURCE -> systemDown ? "a database that cannot be reached is at least SEV2" : "";
          case PIPELINE ->
              systemDown
                  ? "a pipeline that failed or did not run on time is at least SEV2"
                  : "a pipeline's data failure is at least SEV3";
          case DATASET ->
              inputs.kind() == Kind.SYSTEM
                  ? "a check that could not run is at least SEV3"
                  : "a data failure is at least SEV3";
          case SLO -> "an error budget burning is at least SEV3";
        };
    Optional<TouchedAgreement> mostUrgent =
        inputs.touched().stream()
            .min(Comparator.comparingInt(agreement -> agreement.breach().ordinal()));
    if (mostUrgent.isPresent() && mostUrgent.get().breach().isMoreUrgentThan(severity)) {
      TouchedAgreement agreement = mostUrgent.get();
      severity = agreement.breach();
      reason =
          "consumer "
              + agreement.consumer()
              + " agreed to "
              + agreement.breach()
              + " on breach of '"
              + agreement.promise()
              + "'";
    } else if (inputs.touched().isEmpty()) {
      reason += "; no consumer agreement is touched";
    } else {
      reason += "; the agreements touched ask for no more";
    }
    boolean slo = inputs.subject().kind() == SubjectKind.SLO;
    if (slo && inputs.status() == Status.WARN && severity.isMoreUrgentThan(Severity.SEV2)) {
      reason += "; capped at SEV2 because a slow burn asks for a ticket, not a page";
      severity = Severity.SEV2;
    } else if (!slo && inputs.status() == Status.WARN && severity != Severity.INFO) {
      Severity lowered = Severity.values()[severity.ordinal() + 1];
      reason += "; lowered from " + severity + " to " + lowered + " because the check only warned";
      severity = lowered;
    }
    return new SeverityDecision(severity, "default policy: " + reason);
  }

  private static boolean matches(SeverityRuleSpec rule, SeverityInputs inputs) {
    return (rule.kind() == null || rule.kind() == inputs.kind())
        && anyOf(rule.datasets(), inputs.datasets())
        && anyOf(rule.tags(), inputs.tags())
        && (rule.statuses().isEmpty() || rule.statuses().contains(inputs.status()))
        && (rule.checkTypes().isEmpty() || rule.checkTypes().contains(inputs.checkType()))
        && anyOf(rule.consumers(), inputs.consumers())
        && (rule.owners().isEmpty() || rule.owners().contains(inputs.owner()))
        && anyOf(rule.pipelines(), inputs.pipelines());
  }

  /** An empty condition matches anything; else any value in common. */
  private static boolean anyOf(List<String> wanted, List<String> present) {
    return wanted.isEmpty() || present.stream().anyMatch(wanted::contains);
  }
}
