package dev.nines.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients POSTing prepared bodies to a server, each waiting for its answer before
 * sending the next, as an OpenLineage HTTP transport does.
 */
public final class HttpLoad {
  private final int clients;

  public HttpLoad(int clients) {
    if (clients < 1) {
      throw new IllegalArgumentException("at least one client is needed");
    }
    this.clients = clients;
  }

  /** Sends each event on its own to {@code /api/v1/lineage}; every answer must be 201. */
  public LoadResult single(String baseUrl, List<BenchEvent> events) {
    List<String> bodies = events.stream().map(BenchEvent::json).toList();
    return send(URI.create(baseUrl + "/api/v1/lineage"), bodies, 1, 201);
  }

  /** Sends the events in arrays of {@code size} to {@code /api/v1/lineage/batch}; 200 each. */
  public LoadResult batch(String baseUrl, List<BenchEvent> events, int size) {
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from < events.size(); from += size) {
      List<BenchEvent> chunk = events.subList(from, Math.min(events.size(), from + size));
      bodies.add("[" + String.join(",", chunk.stream().map(BenchEvent::json).toList()) + "]");
    }
    LoadResult result = send(URI.create(baseUrl + "/api/v1/lineage/batch"), bodies, size, 200);
    return new LoadResult(events.size(), result.requests(), result.wall(), result.latencyNanos());
  }

  private LoadResult send(URI uri, List<String> bodies, int eventsPerBody, int expectedStatus) {
    long[] latencies = new long[bodies.size()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> workers = new ArrayList<>();
      long started = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  HttpClient http =
                      HttpClient.newBuilder()
                          .version(HttpClient.Version.HTTP_1_1)
                          .connectTimeout(Duration.ofSeconds(10))
                          .build();
                  for (int i = next.getAndIncrement();
                      i < bodies.size();
                      i = next.getAndIncrement()) {
                    latencies[i] = post(http, uri, bodies.get(i), expectedStatus);
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - started);
      return new LoadResult(bodies.size() * eventsPerBody, bodies.size(), wall, latencies);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static long post(HttpClient http, URI uri, String body, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long latency = System.nanoTime() - started;
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          "expected "
              + expectedStatus
              + " from "
              + uri
              + ", got "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return latency;
  }
}
