package dev.nines.server;

import static dev.nines.server.LineageEvents.event;
import static dev.nines.server.LineageEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.store.NinesStore;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the server lets a request in flight finish and commit; new ones are turned away. */
class GracefulShutdownIT {
  @TempDir Path folder;

  @Test
  void an_event_in_flight_at_shutdown_is_still_stored_and_acknowledged() throws Exception {
    TestServer server = TestServer.start(folder, "");
    UUID runId = UUID.randomUUID();
    byte[] body =
        json(event(runId, EventType.START, Instant.parse("2026-03-01T02:00:00Z")))
            .getBytes(StandardCharsets.UTF_8);
    int half = body.length / 2;
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = socket.getOutputStream();
      String head =
          "POST /api/v1/lineage HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, half);
      out.flush();
      waitUntil(() -> server.server.inFlight() == 1);

      CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
      Thread.sleep(300);
      boolean closedBeforeRequestFinished = closed.isDone();
      HttpResponse<String> readyWhileDraining = server.get("/ready");
      out.write(body, half, body.length - half);
      out.flush();
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();

      assertThat(closedBeforeRequestFinished).isFalse();
      assertThat(readyWhileDraining.statusCode()).isEqualTo(503);
      assertThat(statusLine).startsWith("HTTP/1.1 201");
      closed.get(10, TimeUnit.SECONDS);
    }
    try (NinesStore store = NinesStore.open(server.server.spec().store())) {
      assertThat(store.pipelineRun(runId)).isPresent();
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
  }
}
