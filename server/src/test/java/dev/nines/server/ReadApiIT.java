package dev.nines.server;

import static dev.nines.server.LineageEvents.event;
import static dev.nines.server.LineageEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading pipelines, runs and datasets back; native run reporting over REST. */
class ReadApiIT {
  static final Instant START = Instant.parse("2026-03-01T02:00:05Z");

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

  @Test
  void pipelines_list_the_declared_ones_then_unmonitored_jobs() {
    UUID declaredRun = UUID.randomUUID();
    server.post("/api/v1/lineage", json(event(declaredRun, EventType.START, START)));
    OpenLineage.RunEvent unknownJob =
        LineageEvents.OL
            .newRunEventBuilder()
            .eventType(EventType.START)
            .eventTime(java.time.ZonedDateTime.parse("2026-03-01T02:10:00Z"))
            .run(LineageEvents.OL.newRunBuilder().runId(UUID.randomUUID()).build())
            .job(LineageEvents.OL.newJobBuilder().namespace("spark").name("nightly_rollup").build())
            .build();
    server.post("/api/v1/lineage", json(unknownJob));

    JsonNode items = Json.of(server.get("/api/v1/pipelines")).get("items");

    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("name").asText()).isEqualTo("load_orders");
    assertThat(items.get(0).get("monitored").asBoolean()).isTrue();
    assertThat(items.get(0).get("lastRun").get("runId").asText()).isEqualTo(declaredRun.toString());
    assertThat(items.get(1).get("name").asText()).isEqualTo("nightly_rollup");
    assertThat(items.get(1).get("monitored").asBoolean()).isFalse();
    assertThat(items.get(1).get("jobs").get(0).get("namespace").asText()).isEqualTo("spark");
  }

  @Test
  void runs_of_a_pipeline_come_newest_first_a_page_at_a_time() {
    for (int i = 0; i < 3; i++) {
      server.post(
          "/api/v1/lineage",
          json(event(UUID.randomUUID(), EventType.START, START.plusSeconds(3600L * i))));
    }

    JsonNode first = Json.of(server.get("/api/v1/pipelines/load_orders/runs?limit=2"));
    JsonNode second = Json.of(server.get("/api/v1/pipelines/load_orders/runs?limit=2&offset=2"));

    assertThat(first.get("items"))
        .extracting(run -> run.get("startedAt").asText())
        .containsExactly("2026-03-01T04:00:05Z", "2026-03-01T03:00:05Z");
    assertThat(first.get("nextOffset").asInt()).isEqualTo(2);
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("nextOffset").isNull()).isTrue();
  }

  @Test
  void an_unknown_pipeline_or_run_is_a_404() {
    HttpResponse<String> pipeline = server.get("/api/v1/pipelines/nope/runs");
    HttpResponse<String> run = server.get("/api/v1/runs/" + UUID.randomUUID());
    HttpResponse<String> badId = server.get("/api/v1/runs/not-a-uuid");

    assertThat(pipeline.statusCode()).isEqualTo(404);
    assertThat(Json.of(pipeline).get("detail").asText()).startsWith("no pipeline nope");
    assertThat(run.statusCode()).isEqualTo(404);
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(Json.of(badId).get("detail").asText()).startsWith("id must be a UUID");
  }

  @Test
  void a_native_run_is_started_then_completed_over_rest() {
    HttpResponse<String> started = server.post("/api/v1/pipelines/load_orders/runs", "");
    String runId = Json.of(started).get("runId").asText();

    HttpResponse<String> completed =
        server.post("/api/v1/runs/" + runId + "/complete", "{\"rowsWritten\": 42}");

    assertThat(started.statusCode()).isEqualTo(201);
    assertThat(Json.of(started).get("state").asText()).isEqualTo("RUNNING");
    assertThat(Json.of(started).get("jobNamespace").asText()).isEqualTo("airflow");
    assertThat(completed.statusCode()).isEqualTo(200);
    assertThat(Json.of(completed).get("state").asText()).isEqualTo("COMPLETE");
    assertThat(Json.of(completed).get("rowsWritten").asLong()).isEqualTo(42);
    assertThat(Json.of(server.get("/api/v1/pipelines/load_orders/runs")).get("items"))
        .extracting(run -> run.get("runId").asText())
        .containsExactly(runId);
  }

  @Test
  void a_native_run_fails_with_its_message() {
    String runId = Json.of(server.post("/api/v1/pipelines/backup/runs", "")).get("runId").asText();

    JsonNode failed =
        Json.of(server.post("/api/v1/runs/" + runId + "/fail", "{\"message\": \"disk full\"}"));

    assertThat(failed.get("state").asText()).isEqualTo("FAIL");
    assertThat(failed.get("errorMessage").asText()).isEqualTo("disk full");
    assertThat(failed.get("jobNamespace").asText()).isEqualTo("nines");
    assertThat(failed.get("jobName").asText()).isEqualTo("backup");
  }

  @Test
  void completing_an_unknown_run_is_a_404_and_bad_rows_a_400() {
    HttpResponse<String> unknown =
        server.post("/api/v1/runs/" + UUID.randomUUID() + "/complete", "");
    String runId =
        Json.of(server.post("/api/v1/pipelines/load_orders/runs", "")).get("runId").asText();
    HttpResponse<String> badRows =
        server.post("/api/v1/runs/" + runId + "/complete", "{\"rowsWritten\": -1}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(badRows.statusCode()).isEqualTo(400);
    assertThat(Json.of(badRows).get("detail").asText()).startsWith("rowsWritten must be");
  }

  @Test
  void datasets_list_the_declared_ones_then_those_only_observed() {
    OpenLineage.InputDataset checked =
        LineageEvents.OL
            .newInputDatasetBuilder()
            .namespace("s3://lake")
            .name("raw/events")
            .inputFacets(
                LineageEvents.OL
                    .newInputDatasetInputFacetsBuilder()
                    .dataQualityAssertions(
                        LineageEvents.OL.newDataQualityAssertionsDatasetFacet(
                            List.of(
                                LineageEvents.OL.newDataQualityAssertionsDatasetFacetAssertions(
                                    "row_count_positive", true, null))))
                    .build())
            .build();
    server.post(
        "/api/v1/lineage",
        json(
            event(
                UUID.randomUUID(), EventType.COMPLETE, START, null, List.of(checked), List.of())));

    JsonNode items = Json.of(server.get("/api/v1/datasets")).get("items");

    assertThat(items)
        .extracting(item -> item.get("name").asText())
        .containsExactly("orders", "raw/events");
    assertThat(items.get(0).get("monitored").asBoolean()).isTrue();
    assertThat(items.get(0).get("owner").asText()).isEqualTo("data-eng");
    assertThat(items.get(1).get("monitored").asBoolean()).isFalse();
    assertThat(server.get("/api/v1/datasets/unknown/observations").statusCode()).isEqualTo(404);
  }
}
