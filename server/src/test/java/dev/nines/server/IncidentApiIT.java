package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/incidents on a real server: a failed pipeline run becomes an incident people act on. */
class IncidentApiIT {
  @TempDir Path folder;
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(folder, "");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private long failedRunIncident() {
    String runId =
        Json.of(server.post("/api/v1/pipelines/load_orders/runs", "")).get("runId").asText();
    server.post("/api/v1/runs/" + runId + "/fail", "{\"message\": \"disk full\"}");
    server.server.evaluatePipelines();
    server.server.processIncidents();
    JsonNode page = Json.of(server.get("/api/v1/incidents"));
    assertThat(page.get("items")).hasSize(1);
    return page.get("items").get(0).get("id").asLong();
  }

  @Test
  void a_failed_run_is_an_incident_listed_and_shown_with_its_timeline() {
    long id = failedRunIncident();

    JsonNode incident = Json.of(server.get("/api/v1/incidents")).get("items").get(0);
    assertThat(incident.get("title").asText()).isEqualTo("pipeline load_orders: failed");
    assertThat(incident.get("kind").asText()).isEqualTo("SYSTEM");
    assertThat(incident.get("severity").asText()).isEqualTo("SEV2");
    assertThat(incident.get("status").asText()).isEqualTo("OPEN");
    assertThat(incident.get("subject").get("kind").asText()).isEqualTo("PIPELINE");
    assertThat(incident.get("timeToDetect").asText()).startsWith("PT");
    assertThat(Json.of(server.get("/api/v1/incidents?status=resolved")).get("items")).isEmpty();
    assertThat(Json.of(server.get("/api/v1/incidents?severity=sev2&status=active")).get("items"))
        .hasSize(1);

    JsonNode details = Json.of(server.get("/api/v1/incidents/" + id));
    assertThat(details.get("incident").get("id").asLong()).isEqualTo(id);
    assertThat(details.get("timeline").get(0).get("kind").asText()).isEqualTo("OPENED");
    assertThat(details.get("observations").get(0).get("checkType").asText())
        .isEqualTo("pipeline_failed");

    JsonNode stats = Json.of(server.get("/api/v1/incidents/stats?by=pipeline"));
    assertThat(stats.get("groups").get(0).get("group").asText()).isEqualTo("load_orders");
    assertThat(stats.get("groups").get(0).get("count").asInt()).isEqualTo(1);
  }

  @Test
  void people_acknowledge_comment_assign_and_resolve_and_wrong_requests_are_answered_plainly() {
    long id = failedRunIncident();
    String path = "/api/v1/incidents/" + id;

    HttpResponse<String> acked = server.post(path + "/acknowledge", "{\"by\": \"alice\"}");
    assertThat(acked.statusCode()).isEqualTo(200);
    assertThat(Json.of(acked).get("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(server.post(path + "/acknowledge", "").statusCode()).isEqualTo(409);
    assertThat(server.post(path + "/comment", "{\"text\": \"disk cleaned\"}").statusCode())
        .isEqualTo(201);
    assertThat(Json.of(server.post(path + "/assign", "{\"owner\": \"ops\"}")).get("owner").asText())
        .isEqualTo("ops");

    HttpResponse<String> nonsense =
        server.post(path + "/resolve", "{\"resolution\": \"nonsense\"}");
    assertThat(nonsense.statusCode()).isEqualTo(400);
    assertThat(Json.of(nonsense).get("detail").asText())
        .isEqualTo(
            "resolution must be one of fixed, expected, false_positive, no_action_needed, was"
                + " 'nonsense'");
    assertThat(server.post(path + "/resolve", "{}").statusCode()).isEqualTo(400);
    assertThat(server.post(path + "/resolve", "not json").statusCode()).isEqualTo(400);
    HttpResponse<String> resolved =
        server.post(path + "/resolve", "{\"resolution\": \"fixed\", \"comment\": \"rerun\"}");
    assertThat(Json.of(resolved).get("resolution").asText()).isEqualTo("FIXED");
    assertThat(server.post(path + "/resolve", "{\"resolution\": \"fixed\"}").statusCode())
        .isEqualTo(409);

    assertThat(Json.of(server.get(path)).get("timeline"))
        .extracting(entry -> entry.get("kind").asText())
        .containsExactly("OPENED", "ACKNOWLEDGED", "COMMENTED", "REASSIGNED", "RESOLVED");
    HttpResponse<String> unknown = server.get("/api/v1/incidents/999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Json.of(unknown).get("detail").asText()).isEqualTo("no incident #999");
    assertThat(server.post("/api/v1/incidents/999/acknowledge", "").statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/incidents/abc").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/incidents?status=closed").statusCode()).isEqualTo(400);
  }

  @Test
  void the_incident_loop_is_woken_when_a_finding_is_saved_without_waiting_for_a_call()
      throws Exception {
    String runId =
        Json.of(server.post("/api/v1/pipelines/load_orders/runs", "")).get("runId").asText();
    server.post("/api/v1/runs/" + runId + "/fail", "{\"message\": \"disk full\"}");
    server.server.evaluatePipelines();

    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    JsonNode items = Json.of(server.get("/api/v1/incidents")).get("items");
    while (items.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      items = Json.of(server.get("/api/v1/incidents")).get("items");
    }
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("title").asText()).isEqualTo("pipeline load_orders: failed");
  }
}
