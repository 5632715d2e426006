package dev.nines.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import dev.nines.spec.RemediationSpec.Airflow;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemediationOffersTest {
  private static final String SPEC =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
        lake: { url: "jdbc:duckdb:" }
      datasets:
        orders: { source: warehouse, table: orders, runbook: "https://wiki/orders" }
        customers: { source: warehouse, table: customers }
        events: { source: lake, table: events }
      pipelines:
        load_orders:
          outputs: [orders]
          remediation:
            airflow: { url: "http://airflow:8080", dag: orders_dag, token: secret-token }
            automatic: true
            max_attempts: 2
        load_customers:
          outputs: [customers]
          remediation: { webhook: { url: "https://hooks.example.com/path?key=k" } }
        load_events:
          outputs: [events]
          remediation: { runbook: "https://wiki/events" }
        bare: { outputs: [orders] }
      consumers:
        finance:
          agreements:
            - promise: customers are complete
              datasets: [customers]
              remediation: load_orders
            - promise: orders are fresh
              datasets: [orders]
              remediation: call the finance on-call
        research:
          agreements:
            - { promise: no duplicates, datasets: [customers], remediation: ignore it }
      """;

  @TempDir Path folder;
  private RemediationOffers offers;

  @BeforeEach
  void load() throws IOException {
    Path file = Files.writeString(folder.resolve("nines.yml"), SPEC);
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    offers = new RemediationOffers(spec);
  }

  static Incident incident(Subject subject, List<String> consumers, List<String> agreements) {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    return new Incident(
        7,
        subject + "/x",
        "title",
        subject,
        "x",
        Kind.DATA,
        Severity.SEV2,
        "default",
        IncidentStatus.OPEN,
        null,
        null,
        consumers,
        agreements,
        List.of(),
        at,
        at,
        null,
        null,
        at,
        1,
        "failed");
  }

  private List<String> names(Incident incident) {
    return offers.forIncident(incident).stream().map(RemediationOffer::name).toList();
  }

  @Test
  void a_dataset_incident_is_offered_its_writers_actions_then_its_runbook() {
    Incident incident = incident(Subject.dataset("orders"), List.of(), List.of());

    assertThat(names(incident)).containsExactly("load_orders", "runbook_orders");
    RemediationOffer first = offers.forIncident(incident).get(0);
    assertThat(first.reason()).isEqualTo("pipeline load_orders writes orders");
    assertThat(((Airflow) first.action()).dag()).isEqualTo("orders_dag");
    assertThat(offers.automatic(incident)).containsExactly(first);
    assertThat(offers.pick(incident, null)).contains(first);
    assertThat(offers.pick(incident, "runbook_orders").orElseThrow().runnable()).isFalse();
  }

  @Test
  void a_pipeline_incident_is_offered_its_own_action() {
    assertThat(names(incident(Subject.pipeline("load_customers"), List.of(), List.of())))
        .containsExactly("load_customers");
    assertThat(names(incident(Subject.pipeline("bare"), List.of(), List.of()))).isEmpty();
    assertThat(offers.pick(incident(Subject.pipeline("load_events"), List.of(), List.of()), null))
        .isEmpty();
  }

  @Test
  void a_source_that_is_down_offers_the_actions_of_every_dataset_on_it() {
    assertThat(names(incident(Subject.source("warehouse"), List.of(), List.of())))
        .containsExactly("load_orders", "runbook_orders", "load_customers");
    assertThat(names(incident(Subject.source("lake"), List.of(), List.of())))
        .containsExactly("load_events");
  }

  @Test
  void affected_agreements_add_their_pipeline_or_their_words() {
    Incident incident =
        incident(
            Subject.dataset("customers"),
            List.of("finance", "research"),
            List.of("customers are complete", "no duplicates"));

    List<RemediationOffer> offered = offers.forIncident(incident);

    assertThat(offered)
        .extracting(RemediationOffer::name)
        .containsExactly("load_customers", "load_orders", "agreement_research");
    assertThat(offered.get(1).reason())
        .isEqualTo("agreement with finance 'customers are complete'");
    assertThat(offered.get(2).describe()).isEqualTo("runbook: ignore it");
  }

  @Test
  void offers_in_words_name_the_action_and_the_command_without_credentials() {
    Incident incident =
        incident(Subject.dataset("customers"), List.of("finance"), List.of("orders are fresh"));

    assertThat(offers.inWords(incident))
        .containsExactly(
            "call the remediation webhook at https://hooks.example.com (load_customers):"
                + " nines remediate 7 --action load_customers",
            "runbook: call the finance on-call");
    assertThat(offers.inWords(incident(Subject.dataset("orders"), List.of(), List.of())))
        .containsExactly(
            "re-run Airflow DAG orders_dag (load_orders), automatic, up to 2 attempts:"
                + " nines remediate 7 --action load_orders",
            "runbook: https://wiki/orders");
  }
}
