package dev.nines.server.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.incident.Subject;
import dev.nines.remediation.RemediationOffer;
import dev.nines.spec.RemediationSpec.Airflow;
import dev.nines.spec.RemediationSpec.AirflowApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AirflowActionIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Receiver airflow = new Receiver();

  @AfterEach
  void stop() {
    airflow.close();
  }

  private ActionOutcome trigger(Airflow spec, int attempt, Duration timeout) {
    RemediationOffer offer = new RemediationOffer("load_orders", "test", spec, false, 1);
    ActionRequest request =
        new ActionRequest(
            Incidents.open(7, Subject.dataset("orders")),
            offer,
            attempt,
            "alice",
            Incidents.DETECTED);
    return new Actions(timeout).run(request);
  }

  private Airflow basic() {
    ObjectNode conf = JsonNodeFactory.instance.objectNode().put("full_refresh", true);
    return new Airflow(airflow.url(), "orders_dag", "robot", "pa:ss", null, conf, AirflowApi.V1);
  }

  @Test
  void a_run_is_triggered_with_the_exact_path_auth_and_body_airflow_documents() throws Exception {
    airflow.answer(
        200,
        """
        {"dag_id": "orders_dag", "dag_run_id": "nines-incident-7-attempt-2", "state": "queued",
         "conf": {"full_refresh": true, "nines_incident_id": 7}}
        """);

    ActionOutcome outcome = trigger(basic(), 2, Duration.ofSeconds(10));

    assertThat(airflow.requests()).hasSize(1);
    Receiver.Request request = airflow.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/dags/orders_dag/dagRuns");
    assertThat(request.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("robot:pa:ss".getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("dag_run_id").asText()).isEqualTo("nines-incident-7-attempt-2");
    assertThat(body.get("conf").get("full_refresh").asBoolean()).isTrue();
    assertThat(body.get("conf").get("nines_incident_id").asLong()).isEqualTo(7);
    assertThat(body.get("note").asText())
        .isEqualTo("Started by Nines for incident #7 (orders is late), attempt 2, asked by alice");
    assertThat(body.has("logical_date")).isFalse();
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.reference()).isEqualTo("nines-incident-7-attempt-2");
    assertThat(outcome.timelineText())
        .isEqualTo(
            "succeeded: Airflow run nines-incident-7-attempt-2 of DAG orders_dag is queued: "
                + airflow.url()
                + "/api/v1/dags/orders_dag/dagRuns/nines-incident-7-attempt-2");
  }

  @Test
  void airflow_3_is_called_on_api_v2_with_a_bearer_token_and_a_null_logical_date()
      throws Exception {
    airflow.answer(200, "{\"dag_run_id\": \"nines-incident-7-attempt-1\", \"state\": \"queued\"}");
    Airflow v2 =
        new Airflow(airflow.url(), "orders_dag", null, null, "jwt-123", null, AirflowApi.V2);

    ActionOutcome outcome = trigger(v2, 1, Duration.ofSeconds(10));

    Receiver.Request request = airflow.requests().get(0);
    assertThat(request.path()).isEqualTo("/api/v2/dags/orders_dag/dagRuns");
    assertThat(request.header("Authorization")).isEqualTo("Bearer jwt-123");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.has("logical_date")).isTrue();
    assertThat(body.get("logical_date").isNull()).isTrue();
    assertThat(outcome.succeeded()).isTrue();
  }

  @Test
  void an_existing_run_id_is_reported_as_already_started() {
    airflow.answer(409, "{\"title\": \"Conflict\", \"detail\": \"DAGRun already exists\"}");

    ActionOutcome outcome = trigger(basic(), 1, Duration.ofSeconds(10));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.summary())
        .startsWith(
            "Airflow already has run nines-incident-7-attempt-1 of DAG orders_dag (HTTP 409)");
  }

  @Test
  void refusals_and_server_errors_are_failed_attempts_that_say_why_without_credentials() {
    airflow.answer(500, "{\"title\": \"Internal Server Error\", \"detail\": \"scheduler down\"}");
    ActionOutcome broken = trigger(basic(), 1, Duration.ofSeconds(10));
    airflow.answer(404, "{\"title\": \"DAG not found\", \"detail\": \"DAG with dag_id: 'x'\"}");
    ActionOutcome unknown = trigger(basic(), 1, Duration.ofSeconds(10));
    airflow.answer(401, "{\"title\": \"Unauthorized\"}");
    ActionOutcome refused = trigger(basic(), 1, Duration.ofSeconds(10));
    airflow.answer(403, "{\"title\": \"Forbidden\"}");
    ActionOutcome forbidden = trigger(basic(), 1, Duration.ofSeconds(10));

    assertThat(broken.timelineText())
        .isEqualTo("failed: Airflow answered HTTP 500: scheduler down");
    assertThat(unknown.timelineText())
        .isEqualTo("failed: Airflow does not know DAG orders_dag (HTTP 404): DAG with dag_id: 'x'");
    assertThat(refused.timelineText())
        .isEqualTo(
            "failed: Airflow refused the credentials (HTTP 401): check user and password, or"
                + " token");
    assertThat(forbidden.timelineText())
        .isEqualTo("failed: the Airflow user may not trigger DAG orders_dag (HTTP 403): Forbidden");
    for (ActionOutcome outcome : new ActionOutcome[] {broken, unknown, refused, forbidden}) {
      assertThat(outcome.succeeded()).isFalse();
      assertThat(outcome.summary()).doesNotContain("pa:ss").doesNotContain("robot");
    }
  }

  @Test
  void a_hung_airflow_is_a_failed_attempt_with_the_time_waited() {
    airflow.hang(Duration.ofSeconds(20));

    long start = System.nanoTime();
    ActionOutcome outcome = trigger(basic(), 1, Duration.ofMillis(500));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.summary())
        .isEqualTo("Airflow at " + airflow.url() + " did not answer within 500ms");
  }

  @Test
  void an_unreachable_airflow_is_a_failed_attempt() {
    Airflow closed =
        new Airflow(airflow.url(), "orders_dag", null, null, null, null, AirflowApi.V1);
    airflow.close();

    ActionOutcome outcome = trigger(closed, 1, Duration.ofSeconds(5));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.summary()).startsWith("cannot reach Airflow at " + airflow.url());
  }
}
