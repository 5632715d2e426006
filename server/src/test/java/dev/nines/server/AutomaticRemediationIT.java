package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.remediation.Receiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path in a running server: a missed pipeline run becomes an incident, and its automatic
 * remediation re-triggers the DAG on a local receiver posing as Airflow, recorded on the timeline.
 */
class AutomaticRemediationIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T01:00:00Z"));
  private final Receiver airflow = new Receiver();
  private TestServer server;

  @BeforeEach
  void start() {
    String spec =
        "store:\n  url: jdbc:h2:file:"
            + folder.resolve("store").toAbsolutePath()
            + "\n"
            + """
            sources:
              warehouse: { url: "jdbc:h2:mem:warehouse" }
            datasets:
              orders: { source: warehouse, table: orders }
            pipelines:
              load_orders:
                schedule: "0 2 * * *"
                outputs: [orders]
                remediation:
                  airflow: { url: "%s", dag: orders_dag, token: t0k }
                  automatic: true
            server:
              watch_every: 1h
            """
                .formatted(airflow.url());
    server = TestServer.start(folder, spec, Map.of(), clock);
  }

  @AfterEach
  void stop() {
    server.close();
    airflow.close();
  }

  @Test
  void a_missed_run_opens_an_incident_whose_dag_is_re_triggered_once() throws Exception {
    airflow.answer(200, "{\"dag_run_id\": \"nines-incident-1-attempt-1\", \"state\": \"queued\"}");
    clock.set(Instant.parse("2026-03-01T02:20:00Z"));

    assertThat(server.server.evaluatePipelines()).isEqualTo(1);
    server.server.processIncidents();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode remediations = null;
    while (System.nanoTime() < deadline) {
      remediations = JSON.readTree(server.get("/api/v1/incidents/1/remediations").body());
      if (remediations.path("attempts").path(0).hasNonNull("succeeded")) {
        break;
      }
      Thread.sleep(50);
    }
    server.server.remediationLoop().runOnce(); // nothing more to do: at most one attempt

    assertThat(airflow.requests()).hasSize(1);
    assertThat(airflow.requests().get(0).path()).isEqualTo("/api/v1/dags/orders_dag/dagRuns");
    assertThat(airflow.requests().get(0).header("Authorization")).isEqualTo("Bearer t0k");
    assertThat(remediations.at("/attempts/0/actor").asText()).isEqualTo("nines");
    assertThat(remediations.at("/attempts/0/succeeded").asBoolean()).isTrue();
    assertThat(remediations.at("/attempts/0/result").asText())
        .startsWith("Airflow run nines-incident-1-attempt-1 of DAG orders_dag is queued");
  }
}
