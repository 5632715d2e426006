package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/reports on a real server: a failed load breaks finance's promise for two hours. */
class ReportApiIT {
  private static final String CONSUMERS =
      """
      consumers:
        finance:
          about: the revenue dashboard
          breach: SEV1
          agreements:
            - promise: orders are loaded every night
              pipelines: [load_orders]
      """;

  @TempDir Path folder;
  MutableClock clock;
  TestServer server;

  @BeforeEach
  void start() {
    clock = new MutableClock(TestServer.NOW);
    server = TestServer.start(folder, TestServer.storeSection(folder) + CONSUMERS, Map.of(), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void the_sla_report_shows_the_breached_promise_with_two_hours_down_in_each_form() {
    String runId =
        Json.of(server.post("/api/v1/pipelines/load_orders/runs", "")).get("runId").asText();
    server.post("/api/v1/runs/" + runId + "/fail", "{\"message\": \"disk full\"}");
    server.server.evaluatePipelines();
    server.server.processIncidents();
    clock.advance(Duration.ofHours(2));

    HttpResponse<String> json = server.get("/api/v1/reports/sla/finance?period=2026-03");
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    JsonNode report = Json.of(json);
    assertThat(report.get("breach").asText()).isEqualTo("SEV1");
    JsonNode agreement = report.get("agreements").get(0);
    assertThat(agreement.get("promise").asText()).isEqualTo("orders are loaded every night");
    assertThat(agreement.get("met").asBoolean()).isFalse();
    assertThat(agreement.get("downtime").get("downtime").asText()).isEqualTo("PT2H");
    assertThat(agreement.get("incidents").get(0).get("subject").asText())
        .isEqualTo("pipeline load_orders");

    HttpResponse<String> markdown =
        server.get("/api/v1/reports/sla/finance?period=2026-03&format=md");
    assertThat(markdown.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/markdown");
    assertThat(markdown.body()).contains("| orders are loaded every night | **BREACHED** |");
    assertThat(server.get("/api/v1/reports/sla/finance?format=html").body())
        .startsWith("<!DOCTYPE html>");

    // as seen a minute before the run failed, the promise was kept
    JsonNode before =
        Json.of(server.get("/api/v1/reports/sla/finance?period=2026-03&at=2026-03-01T02:59Z"));
    assertThat(before.get("agreements").get(0).get("met").asBoolean()).isTrue();
    assertThat(before.get("generatedAt").asText()).isEqualTo("2026-03-01T02:59:00Z");
    // and an hour after it, in Paris time, it had been down for an hour
    JsonNode hourLater =
        Json.of(
            server.get(
                "/api/v1/reports/sla/finance?period=2026-03&zone=Europe/Paris&at=2026-03-01T05:00"));
    assertThat(hourLater.get("agreements").get(0).get("downtime").get("downtime").asText())
        .isEqualTo("PT1H");

    JsonNode downtime = Json.of(server.get("/api/v1/reports/downtime?period=2026-03"));
    assertThat(downtime.get("pipelines").get(0).get("group").asText()).isEqualTo("load_orders");
    assertThat(downtime.get("total").get("downtime").asText()).isEqualTo("PT2H");
  }

  @Test
  void an_unknown_consumer_is_not_found_and_a_bad_period_or_format_is_a_bad_request() {
    HttpResponse<String> stranger = server.get("/api/v1/reports/sla/marketing");
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(Json.of(stranger).get("detail").asText()).contains("no consumer 'marketing'");

    HttpResponse<String> period = server.get("/api/v1/reports/downtime?period=someday");
    assertThat(period.statusCode()).isEqualTo(400);
    assertThat(Json.of(period).get("detail").asText()).contains("'someday' is not a period");
    assertThat(server.get("/api/v1/reports/downtime?format=pdf").statusCode()).isEqualTo(400);
    HttpResponse<String> at = server.get("/api/v1/reports/downtime?at=someday");
    assertThat(at.statusCode()).isEqualTo(400);
    assertThat(Json.of(at).get("detail").asText()).startsWith("at: 'someday' is not an instant");
    HttpResponse<String> future = server.get("/api/v1/reports/downtime?at=2027-01-01T00:00Z");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(Json.of(future).get("detail").asText()).contains("in the future");
    assertThat(server.get("/api/v1/reports/datasets/nothing").statusCode()).isEqualTo(404);
    HttpResponse<String> orders = server.get("/api/v1/reports/datasets/orders?format=md");
    assertThat(orders.statusCode()).isEqualTo(200);
    assertThat(orders.body())
        .contains("| Veracity | no check ran in the period |")
        .contains("| Pipeline durations | 0 runs; durations unknown: no pipeline lists it")
        .contains(
            "| Value | reads and size not known: table public.orders does not exist in source");
  }

  @Test
  void the_dataset_report_gives_the_latency_from_the_nominal_time_facet_of_a_writing_run() {
    UUID runId = UUID.randomUUID();
    Instant start = Instant.parse("2026-03-01T02:05:00Z");
    OpenLineage.RunFacets nominal =
        LineageEvents.OL
            .newRunFacetsBuilder()
            .nominalTime(
                LineageEvents.OL.newNominalTimeRunFacet(
                    ZonedDateTime.parse("2026-02-28T00:00:00Z"),
                    ZonedDateTime.parse("2026-03-01T00:00:00Z")))
            .build();
    server.post(
        "/api/v1/lineage",
        LineageEvents.json(
            LineageEvents.event(runId, EventType.START, start, nominal, List.of(), List.of())));
    server.post(
        "/api/v1/lineage",
        LineageEvents.json(
            LineageEvents.event(
                runId,
                EventType.COMPLETE,
                start.plus(Duration.ofMinutes(30)),
                nominal,
                List.of(),
                List.of(LineageEvents.ordersWritten(40)))));

    HttpResponse<String> response = server.get("/api/v1/reports/datasets/orders?period=2026-03");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode velocity = Json.of(response).get("velocity");
    // the job is load_orders', which lists no outputs: its lineage said it wrote orders
    assertThat(velocity.get("pipelines").get("writers").get(0).asText()).isEqualTo("load_orders");
    assertThat(velocity.get("pipelines").get("median").asText()).isEqualTo("PT30M");
    // nominal end 00:00, completed 02:35
    assertThat(velocity.get("latency").get("median").asText()).isEqualTo("PT2H35M");
    assertThat(velocity.get("latency").get("bases").get("NOMINAL_END").asLong()).isEqualTo(1);
    assertThat(Json.of(response).get("variety").get("snapshots").asInt()).isEqualTo(1);
    assertThat(server.get("/api/v1/reports/datasets/orders?period=2026-03&format=html").body())
        .contains("<td>Source-to-available latency</td><td>median 2h 35m, p95 2h 35m");
  }
}
