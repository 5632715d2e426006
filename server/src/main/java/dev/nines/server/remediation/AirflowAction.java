package dev.nines.server.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.spec.RemediationSpec;
import dev.nines.spec.RemediationSpec.Airflow;
import dev.nines.spec.RemediationSpec.AirflowApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Triggers a new DAG run through Airflow's REST API: {@code POST
 * {url}/api/v1/dags/{dag_id}/dagRuns} (Airflow 2's stable API) or {@code /api/v2/...} (Airflow 3),
 * with a {@code dag_run_id} unique per incident and attempt, so a repeated request cannot start a
 * second run.
 */
final class AirflowAction implements RemediationAction {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Airflow airflow;
  private final HttpCalls http;

  AirflowAction(Airflow airflow, HttpCalls http) {
    this.airflow = airflow;
    this.http = http;
  }

  @Override
  public ActionOutcome run(ActionRequest request) {
    String runId = request.runId();
    String body;
    try {
      body = JSON.writeValueAsString(body(request, runId));
    } catch (JsonProcessingException e) {
      return ActionOutcome.failure("cannot write the Airflow request: " + e.getOriginalMessage());
    }
    String who = "Airflow at " + RemediationSpec.origin(airflow.url());
    HttpCalls.Answer answer = http.post(runsUrl(), headers(), body, who);
    if (!answer.answered()) {
      return ActionOutcome.failure(answer.failure());
    }
    String dag = airflow.dag();
    return switch (answer.status()) {
      case 200, 201 -> started(answer.body(), runId);
      case 409 ->
          ActionOutcome.success(
              "Airflow already has run "
                  + runId
                  + " of DAG "
                  + dag
                  + " (HTTP 409): "
                  + stateUrl(runId),
              runId);
      case 404 ->
          ActionOutcome.failure(
              "Airflow does not know DAG " + dag + " (HTTP 404)" + detail(answer.body()));
      case 401 ->
          ActionOutcome.failure(
              "Airflow refused the credentials (HTTP 401): check user and password, or token");
      case 403 ->
          ActionOutcome.failure(
              "the Airflow user may not trigger DAG "
                  + dag
                  + " (HTTP 403)"
                  + detail(answer.body()));
      default ->
          ActionOutcome.failure("Airflow answered HTTP " + answer.status() + detail(answer.body()));
    };
  }

  private ObjectNode body(ActionRequest request, String runId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("dag_run_id", runId);
    if (airflow.api() == AirflowApi.V2) {
      body.putNull("logical_date"); // required by Airflow 3; null lets it run now
    }
    ObjectNode conf = airflow.conf().deepCopy();
    conf.put("nines_incident_id", request.incident().id());
    body.set("conf", conf);
    body.put(
        "note",
        "Started by Nines for incident #"
            + request.incident().id()
            + " ("
            + request.incident().title()
            + "), attempt "
            + request.attempt()
            + ", asked by "
            + request.actor());
    return body;
  }

  private ActionOutcome started(String answer, String runId) {
    String state = "queued";
    String id = runId;
    try {
      JsonNode run = JSON.readTree(answer);
      state = run.path("state").asText(state);
      id = run.path("dag_run_id").asText(runId);
    } catch (JsonProcessingException e) {
      // the run was accepted; its answer only adds detail
    }
    return ActionOutcome.success(
        "Airflow run " + id + " of DAG " + airflow.dag() + " is " + state + ": " + stateUrl(id),
        id);
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    if (airflow.token() != null) {
      headers.put("Authorization", "Bearer " + airflow.token());
    } else if (airflow.user() != null) {
      String pair = airflow.user() + ":" + (airflow.password() == null ? "" : airflow.password());
      headers.put(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return headers;
  }

  URI runsUrl() {
    return URI.create(apiBase() + "/dags/" + encode(airflow.dag()) + "/dagRuns");
  }

  /** Where the run's state can be read (GET). */
  String stateUrl(String runId) {
    return apiBase() + "/dags/" + encode(airflow.dag()) + "/dagRuns/" + encode(runId);
  }

  private String apiBase() {
    String base = airflow.url().toString().replaceAll("/+$", "");
    return base + "/api/" + airflow.api().pathSegment();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Airflow answers errors as problem JSON: its detail (or title) says why. */
  private static String detail(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      String text = problem.path("detail").asText(problem.path("title").asText(""));
      return text.isBlank() ? "" : ": " + HttpCalls.shown(text);
    } catch (JsonProcessingException e) {
      String shown = HttpCalls.shown(body);
      return shown.isEmpty() ? "" : ": " + shown;
    }
  }
}
