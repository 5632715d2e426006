package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/slos on a real server: a failed pipeline run spends a pipeline SLO's budget. */
class SloApiIT {
  @TempDir Path folder;
  TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            folder,
            """
            slos:
              orders_loaded:
                description: load_orders succeeds on time
                sli: { pipeline: load_orders }
                objective: 99%
                window: 30d
            """);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_failed_run_spends_the_pipeline_slos_budget_and_pages() {
    String runId =
        Json.of(server.post("/api/v1/pipelines/load_orders/runs", "")).get("runId").asText();
    server.post("/api/v1/runs/" + runId + "/fail", "{\"message\": \"disk full\"}");
    server.server.evaluatePipelines();
    assertThat(server.server.evaluateSlos()).isEqualTo(1);

    JsonNode slos = Json.of(server.get("/api/v1/slos"));
    assertThat(slos).hasSize(1);
    JsonNode slo = slos.get(0);
    assertThat(slo.get("name").asText()).isEqualTo("orders_loaded");
    assertThat(slo.get("sli").asText()).isEqualTo("pipeline");
    assertThat(slo.get("bad").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(slo.get("met").asBoolean()).isFalse();
    assertThat(slo.get("alert").asText()).isEqualTo("PAGE");
    assertThat(Json.of(server.get("/api/v1/slos/orders_loaded")).get("budgetUnit").asText())
        .isEqualTo("events");
  }

  @Test
  void an_unknown_slo_is_a_404_naming_the_declared_ones() {
    HttpResponse<String> unknown = server.get("/api/v1/slos/orders_load");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Json.of(unknown).get("detail").asText())
        .contains("no SLO named 'orders_load'")
        .contains("orders_loaded");
  }
}
