package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Severity;
import dev.nines.observation.Kind;
import dev.nines.observation.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerSpecValidationTest {
  private static final String BASE =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders: { source: warehouse, table: orders, checks: [ { row_count: { min: 1 } } ] }
        customers: { source: warehouse, table: customers }
      pipelines:
        load_orders: { outputs: [orders], inputs: [customers] }
      """;

  @TempDir Path folder;

  @Test
  void consumers_and_incident_policy_are_read_into_the_model() {
    Spec spec =
        new SpecFiles(folder)
            .load(
                new SpecFiles(folder)
                    .write(
                        "nines.yml",
                        BASE
                            + """
                            consumers:
                              finance:
                                about: board reporting
                                agreements:
                                  - promise: orders is fresh
                                    datasets: [orders]
                                    checks: [orders.row_count]
                                    pipelines: [load_orders]
                                    remediation: load_orders
                                breach: sev1
                                notify: [oncall]
                              research: {}
                            incidents:
                              auto_resolve_after: 3
                              reopen_within: 30m
                              escalate: { SEV2: 12h }
                              severity:
                                - when: { kind: DATA, dataset: customers, status: [WARN, FAIL] }
                                  severity: INFO
                            notify:
                              channels:
                                oncall: { webhook: { url: "http://localhost/hook" } }
                            """));

    ConsumerSpec finance = spec.consumers().get("finance");
    assertThat(finance.breach()).isEqualTo(Severity.SEV1);
    assertThat(finance.channels()).containsExactly("oncall");
    assertThat(finance.agreements()).hasSize(1);
    AgreementSpec agreement = finance.agreements().get(0);
    assertThat(agreement.promise()).isEqualTo("orders is fresh");
    assertThat(agreement.checks()).containsExactly("orders.row_count");
    assertThat(agreement.remediation()).isEqualTo("load_orders");
    assertThat(spec.consumers().get("research").breach()).isEqualTo(ConsumerSpec.DEFAULT_BREACH);
    assertThat(spec.pipelines().get("load_orders").inputs()).containsExactly("customers");
    IncidentPolicySpec policy = spec.incidents();
    assertThat(policy.autoResolveAfter()).isEqualTo(3);
    assertThat(policy.reopenWithin()).isEqualTo(Duration.ofMinutes(30));
    assertThat(policy.escalate()).isEqualTo(Map.of(Severity.SEV2, Duration.ofHours(12)));
    SeverityRuleSpec rule = policy.severityRules().get(0);
    assertThat(rule.kind()).isEqualTo(Kind.DATA);
    assertThat(rule.datasets()).containsExactly("customers");
    assertThat(rule.statuses()).containsExactly(Status.WARN, Status.FAIL);
    assertThat(rule.severity()).isEqualTo(Severity.INFO);
    assertThat(rule.index()).isEqualTo(1);
  }

  @Test
  void a_spec_without_the_sections_gets_the_default_policy() {
    Spec spec = new SpecFiles(folder).load(new SpecFiles(folder).write("nines.yml", BASE));

    assertThat(spec.consumers()).isEmpty();
    assertThat(spec.incidents()).isEqualTo(IncidentPolicySpec.DEFAULT);
  }

  @Test
  void unknown_keys_and_names_are_reported_with_suggestions() {
    List<String> problems =
        new SpecFiles(folder)
            .problemLines(
                BASE
                    + """
                    consumers:
                      finance:
                        abuot: x
                        breach: urgent
                        agreements:
                          - promise: fresh
                            datasets: [ordres]
                            checks: [orders.row_cnt, nope]
                            pipelines: [load_order]
                    incidents:
                      reopen_within: soon
                      escalate: { SEV1: 1h }
                      severity:
                        - when: { consumer: [financ] }
                          severity: SEV9
                    """);

    assertThat(problems)
        .containsExactly(
            "nines.yml:10:5: consumers.finance.abuot: unknown key 'abuot' in consumer finance —"
                + " did you mean 'about'? (known keys: about, owner, agreements, breach, notify)",
            "nines.yml:11:13: consumers.finance.breach: unknown severity 'urgent' (use SEV1 (page"
                + " now), SEV2 (next business day), SEV3 (next sprint) or INFO)",
            "nines.yml:14:20: consumers.finance.agreements[0].datasets[0]: dataset 'ordres' is not"
                + " defined — did you mean 'orders'? (defined datasets: orders, customers)",
            "nines.yml:15:18: consumers.finance.agreements[0].checks[0]: dataset orders has no"
                + " check 'row_cnt' — did you mean 'row_count'? (its checks: row_count)",
            "nines.yml:15:34: consumers.finance.agreements[0].checks[1]: 'nope' does not name a"
                + " check as dataset.check (for example orders.freshness)",
            "nines.yml:16:21: consumers.finance.agreements[0].pipelines[0]: pipeline 'load_order'"
                + " is not defined — did you mean 'load_orders'? (defined pipelines: load_orders)",
            "nines.yml:18:18: incidents.reopen_within: 'soon' is not a duration: write it as 30s,"
                + " 15m, 12h, 7d or 1h30m",
            "nines.yml:19:15: incidents.escalate.SEV1: cannot escalate from 'SEV1' (escalate SEV2,"
                + " SEV3 or INFO: SEV1 is the most urgent level)",
            "nines.yml:21:25: incidents.severity[0].when.consumer: consumer 'financ' is not"
                + " defined — did you mean 'finance'? (defined consumers: finance)",
            "nines.yml:22:17: incidents.severity[0].severity: unknown severity 'SEV9' (use SEV1"
                + " (page now), SEV2 (next business day), SEV3 (next sprint) or INFO)");
  }
}
