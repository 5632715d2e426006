package dev.nines.server;

import static dev.nines.server.LineageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server judges declared pipelines' runs: missed, failed and hung runs become observations. */
class PipelineWatchIT {
  static final Instant BEFORE_SLOT = Instant.parse("2026-03-01T01:00:00Z");

  @TempDir Path folder;
  MutableClock clock = new MutableClock(BEFORE_SLOT);
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(folder, TestServer.storeSection(folder), Map.of(), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_run_that_never_started_is_observed_as_missed_once() {
    clock.set(Instant.parse("2026-03-01T02:20:00Z"));

    int saved = server.server.evaluatePipelines();
    int savedAgain = server.server.evaluatePipelines();

    assertThat(saved).isEqualTo(1);
    assertThat(savedAgain).isZero();
    JsonNode failures = failuresOf("load_orders");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).get("check").asText()).isEqualTo("missed");
    assertThat(failures.get(0).get("kind").asText()).isEqualTo("SYSTEM");
    assertThat(failures.get(0).get("observedAt").asText()).isEqualTo("2026-03-01T02:15:00Z");
  }

  @Test
  void a_failed_run_is_observed_with_its_error_seconds_later() throws Exception {
    UUID runId = UUID.randomUUID();
    try (OpenLineageClient client = LineageEvents.client(server, null, false)) {
      client.emit(event(runId, EventType.START, Instant.parse("2026-03-01T02:01:00Z")));
      client.emit(
          event(
              runId,
              EventType.FAIL,
              Instant.parse("2026-03-01T02:05:00Z"),
              LineageEvents.failure("ValueError: bad row", "Traceback"),
              List.of(),
              List.of()));
    }
    clock.set(Instant.parse("2026-03-01T02:05:03Z"));

    server.server.evaluatePipelines();

    JsonNode failures = failuresOf("load_orders");
    assertThat(failures).extracting(o -> o.get("check").asText()).containsExactly("failed");
    assertThat(failures.get(0).toString()).contains("ValueError: bad row");
    assertThat(failures.get(0).get("expectation").get("fail").has("empty")).isFalse();
  }

  @Test
  void a_hung_run_is_observed_past_its_max_duration() throws Exception {
    try (OpenLineageClient client = LineageEvents.client(server, null, false)) {
      client.emit(event(UUID.randomUUID(), EventType.START, Instant.parse("2026-03-01T02:01:00Z")));
    }
    clock.set(Instant.parse("2026-03-01T02:20:00Z"));
    server.server.evaluatePipelines();
    assertThat(failuresOf("load_orders")).isEmpty();

    clock.set(Instant.parse("2026-03-01T02:40:00Z"));
    server.server.evaluatePipelines();

    assertThat(failuresOf("load_orders"))
        .extracting(o -> o.get("check").asText())
        .contains("timeout");
  }

  private JsonNode failuresOf(String pipeline) {
    return Json.of(server.get("/api/v1/observations?status=FAIL&dataset=" + pipeline)).get("items");
  }
}
