package dev.nines.server.schedule;

import static dev.nines.server.schedule.ScheduleFixture.await;
import static dev.nines.server.schedule.ScheduleFixture.dataset;
import static dev.nines.server.schedule.ScheduleFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.NinesServer;
import dev.nines.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nines serve} runs scheduled checks on its own and takes new datasets on reload. */
class ServerScheduleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void the_server_runs_scheduled_checks_and_a_reload_schedules_new_datasets() throws Exception {
    String sources = "sources:\n" + source("shop", ScheduleFixture.sourceUrl(), 2);
    String store = "store:\n  url: jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + "\n";
    Path specFile = folder.resolve("nines.yml");
    Files.writeString(
        specFile, store + sources + "datasets:\n" + dataset("orders", "shop", "every: 1s"));
    ServerOptions options =
        new ServerOptions(
            List.of(specFile), "127.0.0.1", 0, Clock.systemUTC(), Map.of(), Duration.ofSeconds(5));

    try (NinesServer server = NinesServer.start(options)) {
      await(WAIT, "observations of orders", () -> observations(server, "orders") >= 1);

      Files.writeString(
          specFile,
          store
              + sources
              + "datasets:\n"
              + dataset("orders", "shop", null)
              + dataset("customers", "shop", "every: 1s"));
      assertThat(post(server, "/api/v1/reload").statusCode()).isEqualTo(200);

      await(WAIT, "observations of customers", () -> observations(server, "customers") >= 1);
    }
  }

  private int observations(NinesServer server, String dataset) {
    HttpResponse<String> response =
        get(server, "/api/v1/datasets/" + dataset + "/observations?limit=100");
    if (response.statusCode() != 200) {
      return 0;
    }
    try {
      JsonNode page = new ObjectMapper().readTree(response.body());
      return page.get("items").size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(NinesServer server, String path) {
    return send(HttpRequest.newBuilder(uri(server, path)).GET().build());
  }

  private HttpResponse<String> post(NinesServer server, String path) {
    return send(
        HttpRequest.newBuilder(uri(server, path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static URI uri(NinesServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
