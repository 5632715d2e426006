package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.notify.RoutedChannel;
import dev.nines.observation.Kind;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingTest {
  @TempDir Path folder;

  private Spec spec() throws Exception {
    Path file = folder.resolve("nines.yml");
    Files.writeString(
        file,
        """
        sources:
          w: { url: "jdbc:h2:mem:w" }
        datasets:
          orders: { source: w, table: orders, tags: [finance], runbook: https://wiki/runbooks/orders }
        pipelines:
          load_orders:
            outputs: [orders]
            remediation:
              airflow: { url: "http://airflow:8080", dag: orders_dag }
        consumers:
          finance: { breach: SEV1, notify: [finance-chat] }
        notify:
          link: https://nines.example.com
          channels:
            finance-chat: { webhook: { url: "http://localhost/finance" } }
            oncall: { webhook: { url: "http://localhost/oncall" } }
          routes:
            - { match: { tags: [finance], severity: SEV1 }, channels: [oncall], group_wait: 0s }
        """);
    return SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }

  private static Incident incident(List<String> consumers) {
    Instant at = Instant.parse("2026-03-02T10:00:00Z");
    return new Incident(
        7,
        "k",
        "orders stale",
        Subject.dataset("orders"),
        "freshness",
        Kind.DATA,
        Severity.SEV1,
        "consumer finance",
        IncidentStatus.OPEN,
        null,
        "data-eng",
        consumers,
        List.of(),
        List.of(),
        null,
        at,
        null,
        null,
        at,
        1,
        "stale");
  }

  @Test
  void an_incident_goes_to_tag_routes_and_its_consumers_channels_with_the_pipeline_remedies()
      throws Exception {
    Routing routing = Routing.of(spec());
    Incident incident = incident(List.of("finance"));
    assertThat(routing.router().route(incident).stream().map(RoutedChannel::channel))
        .containsExactly("oncall", "finance-chat");
    assertThat(routing.routeOf(incident, "oncall").groupWait()).isZero();
    assertThat(routing.link(7)).isEqualTo("https://nines.example.com/api/v1/incidents/7");
    Remedies remedies = routing.remedies(incident);
    assertThat(remedies.runbook()).isEqualTo("https://wiki/runbooks/orders");
    assertThat(remedies.actions())
        .containsExactly(
            "re-run Airflow DAG orders_dag (load_orders): nines remediate 7 --action load_orders",
            "runbook: https://wiki/runbooks/orders");
  }

  @Test
  void a_channel_no_route_chooses_any_more_keeps_default_timing_for_its_resolve() throws Exception {
    Routing routing = Routing.of(spec());
    RoutedChannel route = routing.routeOf(incident(List.of()), "finance-chat");
    assertThat(route.groupWait()).hasSeconds(30);
    assertThat(route.businessHours()).isNull();
  }
}
