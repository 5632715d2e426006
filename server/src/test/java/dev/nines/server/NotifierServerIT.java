package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Severity;
import dev.nines.server.notify.IncidentRows;
import dev.nines.server.notify.ScriptedReceiver;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's notifier loop and the silences API, on a real server. */
class NotifierServerIT {
  @TempDir Path folder;

  private static String notify(ScriptedReceiver receiver) {
    return """
        notify:
          channels:
            hook: { webhook: { url: "%s" } }
          routes:
            - { channels: [hook], group_wait: 0s, business_hours: false }
        """
        .formatted(receiver.url("/hook"));
  }

  @Test
  void a_timeline_entry_written_by_the_incident_manager_is_delivered_by_the_running_server()
      throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver();
        TestServer server =
            TestServer.start(
                folder,
                TestServer.storeSection(folder) + notify(receiver),
                Map.of(),
                Clock.systemUTC())) {
      NinesStore store =
          NinesStore.open(
              new StoreSpec(
                  "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), null, null));
      try (store) {
        long id =
            new IncidentRows(store.dataSource())
                .open("orders", Severity.SEV1, "data-eng", Instant.now());
        server.server.wakeNotifier();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (receiver.requests().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().get(0).body()).contains("nines-incident-" + id);
      }
    }
  }

  @Test
  void silences_are_added_listed_and_removed_over_the_api() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver();
        TestServer server =
            TestServer.start(
                folder, TestServer.storeSection(folder) + notify(receiver), Map.of())) {
      var added =
          server.post(
              "/api/v1/silences",
              "{\"dataset\": \"orders\", \"for\": \"2h\", \"reason\": \"backfill\","
                  + " \"author\": \"ann\"}");
      assertThat(added.statusCode()).isEqualTo(201);
      assertThat(added.body())
          .contains("\"dataset\":\"orders\"")
          .contains("\"ends_at\":\"2026-03-01T05:00:00Z\"")
          .contains("\"active\":true");
      assertThat(server.get("/api/v1/silences").body()).contains("\"reason\":\"backfill\"");
      var bad = server.post("/api/v1/silences", "{\"for\": \"2h\", \"reason\": \"x\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("must name a dataset, pipeline, source, severity or owner");
      var removed =
          server.send(
              HttpRequest.newBuilder(URI.create(server.url("/api/v1/silences/1"))).DELETE());
      assertThat(removed.statusCode()).isEqualTo(204);
      assertThat(server.get("/api/v1/silences").body()).isEqualTo("[]");
      var again =
          server.send(
              HttpRequest.newBuilder(URI.create(server.url("/api/v1/silences/1"))).DELETE());
      assertThat(again.statusCode()).isEqualTo(404);
    }
  }
}
