package dev.nines.server;

import static dev.nines.server.LineageEvents.event;
import static dev.nines.server.LineageEvents.json;
import static dev.nines.server.TestServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenLineage endpoint, fed by the official Java client and by raw JSON. */
class LineageIngestionIT {
  static final String KEY = "s3cret-key";
  static final Instant START = Instant.parse("2026-03-01T02:00:05Z");

  @TempDir Path folder;
  TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.start(folder, TestServer.storeSection(folder), Map.of("NINES_API_KEY", KEY));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_normal_run_sent_by_the_java_client_is_complete_with_duration_and_rows() throws Exception {
    UUID runId = UUID.randomUUID();
    try (OpenLineageClient client = LineageEvents.client(server, KEY, false)) {
      client.emit(event(runId, EventType.START, START));
      client.emit(
          event(
              runId,
              EventType.COMPLETE,
              START.plusSeconds(125),
              null,
              List.of(),
              List.of(LineageEvents.ordersWritten(1200))));
    }

    JsonNode run = Json.of(server.get("/api/v1/runs/" + runId));

    assertThat(run.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(run.get("jobNamespace").asText()).isEqualTo("airflow");
    assertThat(run.get("jobName").asText()).isEqualTo("orders_dag.load_orders");
    assertThat(run.get("startedAt").asText()).isEqualTo("2026-03-01T02:00:05Z");
    assertThat(run.get("endedAt").asText()).isEqualTo("2026-03-01T02:02:10Z");
    assertThat(run.get("duration").asText()).isEqualTo("PT2M5S");
    assertThat(run.get("rowsWritten").asLong()).isEqualTo(1200);
    assertThat(run.get("eventCount").asInt()).isEqualTo(2);
  }

  @Test
  void output_statistics_become_measurements_of_the_spec_dataset() throws Exception {
    UUID runId = UUID.randomUUID();
    try (OpenLineageClient client = LineageEvents.client(server, KEY, false)) {
      client.emit(
          event(
              runId,
              EventType.COMPLETE,
              START,
              null,
              List.of(),
              List.of(LineageEvents.ordersWritten(777))));
    }
    server.close();

    try (var store = dev.nines.store.NinesStore.open(server.server.spec().store())) {
      assertThat(store.latest("orders", "outputStatistics", "row_count"))
          .hasValueSatisfying(measurement -> assertThat(measurement.value()).isEqualTo(777));
      assertThat(store.latestSchema("orders"))
          .hasValueSatisfying(
              snapshot ->
                  assertThat(snapshot.columns())
                      .extracting(column -> column.name() + " " + column.type())
                      .containsExactly("id integer", "amount numeric"));
    }
  }

  @Test
  void a_failed_run_keeps_the_error_message_and_stack_trace() throws Exception {
    UUID runId = UUID.randomUUID();
    try (OpenLineageClient client = LineageEvents.client(server, KEY, false)) {
      client.emit(event(runId, EventType.START, START));
      client.emit(
          event(
              runId,
              EventType.FAIL,
              START.plusSeconds(30),
              LineageEvents.failure("KeyError: 'amount'", "Traceback (most recent call last)"),
              List.of(),
              List.of()));
    }

    JsonNode run = Json.of(server.get("/api/v1/runs/" + runId));

    assertThat(run.get("state").asText()).isEqualTo("FAIL");
    assertThat(run.get("errorMessage").asText()).isEqualTo("KeyError: 'amount'");
    assertThat(run.get("stackTrace").asText()).isEqualTo("Traceback (most recent call last)");
  }

  @Test
  void gzip_bodies_from_the_java_client_are_accepted() throws Exception {
    UUID runId = UUID.randomUUID();
    try (OpenLineageClient client = LineageEvents.client(server, KEY, true)) {
      client.emit(event(runId, EventType.START, START));
    }

    assertThat(Json.of(server.get("/api/v1/runs/" + runId)).get("state").asText())
        .isEqualTo("RUNNING");
  }

  @Test
  void a_wrong_key_is_refused_and_nothing_is_stored() throws Exception {
    UUID runId = UUID.randomUUID();
    try (OpenLineageClient client = LineageEvents.client(server, "wrong", false)) {
      assertThatThrownBy(() -> client.emit(event(runId, EventType.START, START)))
          .hasMessageContaining("401");
    }
    HttpResponse<String> noKey =
        server.post("/api/v1/lineage", json(event(runId, EventType.START, START)));

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(Json.of(noKey).get("error").asText()).isEqualTo("unauthorized");
    assertThat(server.get("/api/v1/runs/" + runId).statusCode()).isEqualTo(404);
  }

  @Test
  void duplicated_and_out_of_order_events_give_the_right_state() {
    UUID runId = UUID.randomUUID();
    String start = json(event(runId, EventType.START, START));
    String running = json(event(runId, EventType.RUNNING, START.plusSeconds(10)));
    String complete = json(event(runId, EventType.COMPLETE, START.plusSeconds(60)));
    String other = json(event(runId, EventType.OTHER, START.minusSeconds(5)));

    List<Integer> statuses =
        List.of(other, complete, running, start, complete, start).stream()
            .map(body -> authorized("/api/v1/lineage", body).statusCode())
            .toList();

    assertThat(statuses).containsExactly(201, 201, 201, 201, 200, 200);
    JsonNode run = Json.of(server.get("/api/v1/runs/" + runId));
    assertThat(run.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(run.get("duration").asText()).isEqualTo("PT1M");
    assertThat(run.get("eventCount").asInt()).isEqualTo(4);
  }

  @Test
  void malformed_json_is_refused_with_the_reason() {
    HttpResponse<String> response = authorized("/api/v1/lineage", "{\"eventType\": \"START\",");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.of(response).get("detail").asText()).startsWith("malformed JSON");
  }

  @Test
  void an_event_without_run_id_is_refused_and_nothing_is_stored() {
    String body =
        json(event(UUID.randomUUID(), EventType.START, START))
            .replaceAll("\"runId\"\\s*:\\s*\"[^\"]+\"", "\"other\":1");

    HttpResponse<String> response = authorized("/api/v1/lineage", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.of(response).get("detail").asText()).isEqualTo("run.runId is required");
    assertThat(Json.of(server.get("/api/v1/pipelines")).get("items")).hasSize(1);
  }

  @Test
  void an_unknown_event_type_or_bad_time_is_refused() {
    String base = json(event(UUID.randomUUID(), EventType.START, START));

    HttpResponse<String> badType =
        authorized("/api/v1/lineage", base.replace("\"START\"", "\"BEGIN\""));
    HttpResponse<String> badTime =
        authorized(
            "/api/v1/lineage",
            base.replaceAll("\"eventTime\"\\s*:\\s*\"[^\"]+\"", "\"eventTime\":\"soon\""));

    assertThat(Json.of(badType).get("detail").asText()).startsWith("eventType must be one of");
    assertThat(Json.of(badTime).get("detail").asText()).startsWith("eventTime must be an ISO-8601");
  }

  @Test
  void a_huge_event_is_refused_with_413() {
    String padding = "x".repeat(2 * 1024 * 1024);
    String body =
        json(event(UUID.randomUUID(), EventType.START, START))
            .replaceFirst("\\{", "{\"padding\":\"" + padding + "\",");

    HttpResponse<String> response = authorized("/api/v1/lineage", body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Json.of(response).get("error").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void a_gzip_bomb_is_refused_by_its_inflated_size() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(("[" + " ".repeat(3 * 1024 * 1024) + "]").getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url("/api/v1/lineage/batch")))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray())));

    assertThat(compressed.size()).isLessThan(100_000);
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void a_batch_stores_the_valid_events_and_reports_the_others() {
    UUID runId = UUID.randomUUID();
    String batch =
        "["
            + json(event(runId, EventType.START, START))
            + ",{\"eventTime\":\"2026-03-01T02:00:00Z\",\"producer\":\"p\",\"run\":{},\"job\":{\"namespace\":\"a\",\"name\":\"b\"}},"
            + json(event(runId, EventType.COMPLETE, START.plusSeconds(5)))
            + "]";

    HttpResponse<String> response = authorized("/api/v1/lineage/batch", batch);

    assertThat(response.statusCode()).isEqualTo(207);
    JsonNode summary = Json.of(response);
    assertThat(summary.get("received").asInt()).isEqualTo(3);
    assertThat(summary.get("successful").asInt()).isEqualTo(2);
    assertThat(summary.get("failed").asInt()).isEqualTo(1);
    assertThat(summary.get("failures").get(0).get("index").asInt()).isEqualTo(1);
    assertThat(summary.get("failures").get(0).get("error").asText())
        .isEqualTo("run.runId is required");
    assertThat(Json.of(server.get("/api/v1/runs/" + runId)).get("state").asText())
        .isEqualTo("COMPLETE");
  }

  @Test
  void data_quality_assertions_become_observations() throws Exception {
    OpenLineage.InputDataset checked =
        LineageEvents.OL
            .newInputDatasetBuilder()
            .namespace("postgres://warehouse:5432")
            .name("analytics.public.orders")
            .inputFacets(
                LineageEvents.OL
                    .newInputDatasetInputFacetsBuilder()
                    .dataQualityAssertions(
                        LineageEvents.OL.newDataQualityAssertionsDatasetFacet(
                            List.of(
                                LineageEvents.OL.newDataQualityAssertionsDatasetFacetAssertions(
                                    "not_null", false, "customer_id"),
                                LineageEvents.OL.newDataQualityAssertionsDatasetFacetAssertions(
                                    "unique", true, "id"))))
                    .build())
            .build();
    try (OpenLineageClient client = LineageEvents.client(server, KEY, false)) {
      client.emit(
          event(UUID.randomUUID(), EventType.COMPLETE, START, null, List.of(checked), List.of()));
    }

    JsonNode failed = Json.of(server.get("/api/v1/datasets/orders/observations?status=FAIL"));

    assertThat(failed.get("items")).hasSize(1);
    assertThat(failed.get("items").get(0).get("check").asText()).isEqualTo("not_null_customer_id");
    assertThat(failed.get("items").get(0).get("kind").asText()).isEqualTo("DATA");
    assertThat(
            Json.of(server.get("/api/v1/observations?status=PASS&since=" + NOW.minusSeconds(86400)))
                .get("items"))
        .extracting(item -> item.get("check").asText())
        .containsExactly("unique_id");
  }

  @Test
  void dataset_and_job_events_are_accepted() throws Exception {
    OpenLineage.DatasetEvent datasetEvent =
        LineageEvents.OL.newDatasetEvent(
            java.time.ZonedDateTime.parse("2026-03-01T02:00:00Z"),
            LineageEvents.OL.newStaticDataset(
                "postgres://warehouse:5432", "analytics.public.orders", null));
    OpenLineage.JobEvent jobEvent =
        LineageEvents.OL.newJobEvent(
            java.time.ZonedDateTime.parse("2026-03-01T02:00:00Z"),
            LineageEvents.OL.newJobBuilder().namespace("airflow").name("orders_dag").build(),
            List.of(),
            List.of());

    HttpResponse<String> dataset = authorized("/api/v1/lineage", json(datasetEvent));
    HttpResponse<String> job = authorized("/api/v1/lineage", json(jobEvent));

    assertThat(dataset.statusCode()).isEqualTo(201);
    assertThat(Json.of(dataset).get("kind").asText()).isEqualTo("dataset");
    assertThat(job.statusCode()).isEqualTo(201);
    assertThat(Json.of(job).get("kind").asText()).isEqualTo("job");
  }

  private HttpResponse<String> authorized(String path, String body) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + KEY)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }
}
