package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.remediation.IncidentRow;
import dev.nines.server.remediation.Receiver;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remediation over REST on a real server on a random port. */
class RemediationApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;
  private final Receiver airflow = new Receiver();
  private TestServer server;
  private long orders;
  private long customers;

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
              customers: { source: warehouse, table: customers, runbook: "https://wiki/customers" }
            pipelines:
              load_orders:
                outputs: [orders]
                remediation:
                  airflow: { url: "%s", dag: orders_dag, user: robot, password: "${AF_PASSWORD}" }
            server:
              watch_every: 1h
            """
                .formatted(airflow.url());
    server = TestServer.start(folder, spec, java.util.Map.of("AF_PASSWORD", "pw-secret"));
    String url = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    orders = IncidentRow.insertOpen(url, "orders", TestServer.NOW);
    customers = IncidentRow.insertOpen(url, "customers", TestServer.NOW);
  }

  @AfterEach
  void stop() {
    server.close();
    airflow.close();
  }

  @Test
  void remediate_triggers_the_dag_and_the_attempt_is_listed_with_who_asked() throws Exception {
    airflow.answer(200, "{\"dag_run_id\": \"nines-incident-1-attempt-1\", \"state\": \"queued\"}");

    HttpResponse<String> ran =
        server.post(
            "/api/v1/incidents/" + orders + "/remediate",
            "{\"action\": \"load_orders\", \"by\": \"alice\"}");
    HttpResponse<String> listed = server.get("/api/v1/incidents/" + orders + "/remediations");

    assertThat(ran.statusCode()).isEqualTo(200);
    JsonNode attempt = JSON.readTree(ran.body());
    assertThat(attempt.get("action").asText()).isEqualTo("load_orders");
    assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
    assertThat(attempt.get("actor").asText()).isEqualTo("alice");
    assertThat(attempt.get("succeeded").asBoolean()).isTrue();
    assertThat(attempt.get("result").asText()).startsWith("Airflow run nines-incident-");
    assertThat(airflow.requests()).hasSize(1);
    assertThat(airflow.requests().get(0).path()).isEqualTo("/api/v1/dags/orders_dag/dagRuns");
    assertThat(listed.statusCode()).isEqualTo(200);
    JsonNode remediations = JSON.readTree(listed.body());
    assertThat(remediations.at("/offers/0/name").asText()).isEqualTo("load_orders");
    assertThat(remediations.at("/offers/0/type").asText()).isEqualTo("airflow");
    assertThat(remediations.at("/attempts/0/actor").asText()).isEqualTo("alice");
    assertThat(listed.body()).doesNotContain("pw-secret").doesNotContain("robot");
  }

  @Test
  void an_unknown_incident_is_404_and_nothing_to_run_is_409_with_the_reason() throws Exception {
    HttpResponse<String> unknown = server.post("/api/v1/incidents/999/remediate", "");
    HttpResponse<String> nothing =
        server.post("/api/v1/incidents/" + customers + "/remediate", "{}");
    HttpResponse<String> badId = server.get("/api/v1/incidents/abc/remediations");
    HttpResponse<String> badBody =
        server.post("/api/v1/incidents/" + orders + "/remediate", "{\"action\": 3}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("detail").asText())
        .isEqualTo("incident #999 does not exist");
    assertThat(nothing.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(nothing.body()).get("error").asText()).isEqualTo("conflict");
    assertThat(JSON.readTree(nothing.body()).get("detail").asText())
        .isEqualTo(
            "nothing to run for incident #"
                + customers
                + ": no pipeline behind dataset customers declares remediation with airflow: or"
                + " webhook: (runbook: https://wiki/customers)");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(airflow.requests()).isEmpty();
  }
}
