package dev.nines.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A real server on a free port over an H2 store in a test folder, and a plain HTTP client. */
final class TestServer implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

  final Path specFile;
  final NinesServer server;
  final HttpClient http = HttpClient.newHttpClient();

  private TestServer(Path specFile, NinesServer server) {
    this.specFile = specFile;
    this.server = server;
  }

  /** A server whose spec is the default one with {@code extra} YAML appended. */
  static TestServer start(Path folder, String extra) {
    return start(folder, storeSection(folder) + extra, Map.of());
  }

  static TestServer start(Path folder, String spec, Map<String, String> environment) {
    return start(folder, spec, environment, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static TestServer start(Path folder, String spec, Map<String, String> environment, Clock clock) {
    try {
      Path specFile = folder.resolve("nines.yml");
      Files.writeString(specFile, spec);
      ServerOptions options =
          new ServerOptions(
              java.util.List.of(specFile),
              "127.0.0.1",
              0,
              clock,
              environment,
              Duration.ofSeconds(5));
      return new TestServer(specFile, NinesServer.start(options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String storeSection(Path folder) {
    return "store:\n  url: jdbc:h2:file:"
        + folder.resolve("store").toAbsolutePath()
        + "\n"
        + """
        sources:
          warehouse:
            url: jdbc:h2:mem:warehouse
        datasets:
          orders:
            source: warehouse
            table: public.orders
            owner: data-eng
            checks:
              - row_count: { min: 1 }
        pipelines:
          load_orders:
            job: { namespace: airflow, name: orders_dag.load_orders }
            schedule: "0 2 * * *"
            max_duration: 30m
        server:
          watch_every: 1h   # tests judge pipelines by calling evaluatePipelines()
        """;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
