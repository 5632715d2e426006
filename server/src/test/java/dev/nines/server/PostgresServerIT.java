package dev.nines.server;

import static dev.nines.server.LineageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a PostgreSQL store: ingestion from concurrent clients, reads, readiness. */
class PostgresServerIT {
  static EmbeddedPostgres postgres;

  @TempDir Path folder;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void concurrent_events_of_many_runs_all_land_with_the_right_states() throws Exception {
    String spec =
        TestServer.storeSection(folder)
            .replaceFirst(
                "store:\\n  url: [^\\n]+\\n",
                "store:\n  url: jdbc:postgresql://localhost:"
                    + postgres.getPort()
                    + "/postgres\n  user: postgres\n");
    Instant start = Instant.parse("2026-03-01T02:00:00Z");
    try (TestServer server = TestServer.start(folder, spec, Map.of())) {
      assertThat(server.get("/ready").statusCode()).isEqualTo(200);
      List<UUID> runs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        runs.add(UUID.randomUUID());
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try (OpenLineageClient client = LineageEvents.client(server, null, false)) {
        List<Future<?>> sent = new ArrayList<>();
        for (UUID run : runs) {
          // The completion is sent first on purpose: arrival order must not matter.
          sent.add(
              pool.submit(
                  () -> client.emit(event(run, EventType.COMPLETE, start.plusSeconds(60)))));
          sent.add(pool.submit(() -> client.emit(event(run, EventType.START, start))));
        }
        for (Future<?> each : sent) {
          each.get();
        }
      } finally {
        pool.shutdown();
      }

      for (UUID run : runs) {
        JsonNode stored = Json.of(server.get("/api/v1/runs/" + run));
        assertThat(stored.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(stored.get("duration").asText()).isEqualTo("PT1M");
        assertThat(stored.get("eventCount").asInt()).isEqualTo(2);
      }
      JsonNode page = Json.of(server.get("/api/v1/pipelines/load_orders/runs?limit=500"));
      assertThat(page.get("items")).hasSize(20);
    }
  }
}
