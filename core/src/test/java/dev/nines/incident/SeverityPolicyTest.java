package dev.nines.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Kind;
import dev.nines.observation.Status;
import dev.nines.spec.SeverityRuleSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeverityPolicyTest {
  private static final TouchedAgreement FINANCE =
      new TouchedAgreement("finance", "orders fresh", Severity.SEV1);
  private static final TouchedAgreement RESEARCH =
      new TouchedAgreement("research", "events clean", Severity.SEV3);
  private static final TouchedAgreement PRODUCT =
      new TouchedAgreement("product", "app data", Severity.SEV2);

  static Stream<Arguments> defaultPolicy() {
    Subject orders = Subject.dataset("orders");
    Subject warehouse = Subject.source("warehouse");
    Subject loader = Subject.pipeline("load_orders");
    Subject slo = Subject.slo("orders_fresh");
    return Stream.of(
        // an SLO's burn: a page takes the breach urgency, a ticket is capped at SEV2
        Arguments.of(slo, Kind.DATA, Status.FAIL, List.of(), Severity.SEV3),
        Arguments.of(slo, Kind.DATA, Status.FAIL, List.of(FINANCE), Severity.SEV1),
        Arguments.of(slo, Kind.DATA, Status.FAIL, List.of(PRODUCT), Severity.SEV2),
        Arguments.of(slo, Kind.DATA, Status.WARN, List.of(FINANCE), Severity.SEV2),
        Arguments.of(slo, Kind.DATA, Status.WARN, List.of(PRODUCT), Severity.SEV2),
        Arguments.of(slo, Kind.DATA, Status.WARN, List.of(RESEARCH), Severity.SEV3),
        Arguments.of(slo, Kind.DATA, Status.WARN, List.of(), Severity.SEV3),
        // subject, kind, status, consumers touched, expected
        Arguments.of(orders, Kind.DATA, Status.FAIL, List.of(), Severity.SEV3),
        Arguments.of(orders, Kind.DATA, Status.WARN, List.of(), Severity.INFO),
        Arguments.of(orders, Kind.DATA, Status.FAIL, List.of(RESEARCH), Severity.SEV3),
        Arguments.of(orders, Kind.DATA, Status.FAIL, List.of(PRODUCT), Severity.SEV2),
        Arguments.of(orders, Kind.DATA, Status.FAIL, List.of(RESEARCH, FINANCE), Severity.SEV1),
        Arguments.of(orders, Kind.DATA, Status.WARN, List.of(FINANCE), Severity.SEV2),
        Arguments.of(orders, Kind.SYSTEM, Status.ERROR, List.of(), Severity.SEV3),
        Arguments.of(warehouse, Kind.SYSTEM, Status.ERROR, List.of(), Severity.SEV2),
        Arguments.of(warehouse, Kind.SYSTEM, Status.ERROR, List.of(RESEARCH), Severity.SEV2),
        Arguments.of(warehouse, Kind.SYSTEM, Status.ERROR, List.of(FINANCE), Severity.SEV1),
        Arguments.of(loader, Kind.SYSTEM, Status.FAIL, List.of(), Severity.SEV2),
        Arguments.of(loader, Kind.SYSTEM, Status.WARN, List.of(), Severity.SEV3),
        Arguments.of(loader, Kind.DATA, Status.FAIL, List.of(), Severity.SEV3));
  }

  @ParameterizedTest(name = "{0} {1} {2} touching {3} is {4}")
  @MethodSource("defaultPolicy")
  void the_default_policy_weighs_kind_consumers_and_level(
      Subject subject,
      Kind kind,
      Status status,
      List<TouchedAgreement> touched,
      Severity expected) {
    SeverityInputs inputs =
        new SeverityInputs(
            subject, kind, status, "x", List.of(), List.of(), List.of(), null, touched);

    SeverityDecision decision = new SeverityPolicy(List.of()).decide(inputs);

    assertThat(decision.severity()).isEqualTo(expected);
    assertThat(decision.rule()).startsWith("default policy: ");
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(rule(Kind.SYSTEM, List.of(), List.of(), List.of()), true),
        Arguments.of(rule(Kind.DATA, List.of(), List.of(), List.of()), false),
        Arguments.of(rule(null, List.of("orders", "x"), List.of(), List.of()), true),
        Arguments.of(rule(null, List.of("customers"), List.of(), List.of()), false),
        Arguments.of(rule(null, List.of(), List.of("finance"), List.of()), true),
        Arguments.of(rule(null, List.of(), List.of("research"), List.of()), false),
        Arguments.of(rule(null, List.of(), List.of(), List.of(Status.ERROR)), true),
        Arguments.of(rule(null, List.of(), List.of(), List.of(Status.WARN)), false));
  }

  @ParameterizedTest(name = "{0} matches: {1}")
  @MethodSource("rules")
  void a_rule_matches_when_every_condition_it_sets_matches(SeverityRuleSpec rule, boolean matches) {
    SeverityInputs inputs =
        new SeverityInputs(
            Subject.source("warehouse"),
            Kind.SYSTEM,
            Status.ERROR,
            "freshness",
            List.of("orders"),
            List.of("core"),
            List.of("load_orders"),
            "data-eng",
            List.of(FINANCE));

    SeverityDecision decision = new SeverityPolicy(List.of(rule)).decide(inputs);

    assertThat(decision.severity()).isEqualTo(matches ? Severity.INFO : Severity.SEV1);
  }

  private static SeverityRuleSpec rule(
      Kind kind, List<String> datasets, List<String> consumers, List<Status> statuses) {
    return new SeverityRuleSpec(
        kind,
        datasets,
        List.of(),
        statuses,
        List.of(),
        consumers,
        List.of(),
        List.of(),
        Severity.INFO,
        1,
        null);
  }
}
