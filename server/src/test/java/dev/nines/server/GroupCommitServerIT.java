package dev.nines.server;

import static dev.nines.server.LineageEvents.event;
import static dev.nines.server.LineageEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-event POSTs from many clients at once share commits in the server's store: each is
 * answered with its own outcome, each event is stored once, and a store lost mid-way fails the
 * waiting requests cleanly without losing any that were answered 201.
 */
class GroupCommitServerIT {
  static final Instant START = Instant.parse("2026-03-01T02:00:00Z");
  static EmbeddedPostgres postgres;

  @TempDir Path folder;
  String lastDatabase;

  // Answers may wait for a whole group's commit, never for minutes.
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void concurrent_single_events_on_h2_are_each_stored_once_and_answered_with_their_outcome()
      throws Exception {
    try (TestServer server = TestServer.start(folder, TestServer.storeSection(folder), Map.of())) {
      sendManyAndCheck(server);
    }
  }

  @Test
  void concurrent_single_events_on_postgres_are_each_stored_once_and_answered_with_their_outcome()
      throws Exception {
    try (TestServer server = TestServer.start(folder, onPostgres(postgres.getPort()), Map.of())) {
      sendManyAndCheck(server);
    }
  }

  @Test
  void a_store_lost_mid_way_fails_every_waiting_request_and_loses_none_answered_201()
      throws Exception {
    Path data = folder.resolve("pgdata");
    EmbeddedPostgres own =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setServerConfig("synchronous_commit", "on")
            .start();
    int port = own.getPort();
    ConcurrentLinkedQueue<UUID> created = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger answered = new AtomicInteger();
    try (TestServer server = TestServer.start(folder, onPostgres(port), Map.of())) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<?>> sent = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        sent.add(
            clients.submit(
                () -> {
                  // Each client sends until the store's loss reaches it.
                  for (int i = 0; i < 2_000; i++) {
                    UUID run = UUID.randomUUID();
                    HttpResponse<String> answer =
                        post(server, json(event(run, EventType.START, START)));
                    answered.incrementAndGet();
                    if (answer.statusCode() == 201) {
                      created.add(run);
                    } else {
                      failures.add(answer.statusCode() + " " + answer.body());
                      return null;
                    }
                  }
                  return null;
                }));
      }
      while (created.size() < 200) {
        Thread.sleep(5);
      }
      own.close();
      for (Future<?> each : sent) {
        each.get();
      }
      clients.shutdown();
    }

    assertThat(failures).hasSize(8);
    for (String failure : failures) {
      assertThat(failure)
          .startsWith("503 ")
          .contains("\"error\":\"unavailable\"")
          .contains("The Nines store at jdbc:postgresql://localhost:" + port)
          .contains("could not save lineage event");
    }
    assertThat(answered.get()).isEqualTo(created.size() + failures.size());
    // Started again on the same files: every event answered 201 is there.
    try (EmbeddedPostgres again =
            EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        Connection connection = again.getDatabase("postgres", lastDatabase).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT run_id FROM pipeline_run")) {
      Set<UUID> stored = new HashSet<>();
      while (rows.next()) {
        stored.add(rows.getObject(1, UUID.class));
      }
      assertThat(stored).containsAll(created);
    }
  }

  @Test
  void a_full_writer_queue_answers_503_busy_with_retry_after_and_stores_nothing_of_the_request()
      throws Exception {
    String spec = onPostgres(postgres.getPort()) + "  max_body: 32MiB\n";
    UUID run = UUID.randomUUID();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try (TestServer server = TestServer.start(folder, spec, Map.of())) {
      assertThat(post(server, json(event(run, EventType.START, START))).statusCode())
          .isEqualTo(201);
      try (Connection blocker = postgres.getDatabase("postgres", lastDatabase).getConnection()) {
        blocker.setAutoCommit(false);
        try (Statement lock = blocker.createStatement()) {
          lock.executeQuery(
              "SELECT run_id FROM pipeline_run WHERE run_id = '" + run + "' FOR UPDATE");
        }
        // The writer takes this one and waits on the run's lock: its commit stays in flight.
        Future<HttpResponse<String>> inFlight =
            clients.submit(
                () -> post(server, json(event(run, EventType.RUNNING, START.plusSeconds(1)))));
        awaitLockWaiters(1);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
          many.append(i == 0 ? "" : ",")
              .append(json(event(run, EventType.RUNNING, START.plusSeconds(10 + i))));
        }
        Future<HttpResponse<String>> queued =
            clients.submit(() -> post(server, "/api/v1/lineage/batch", many + "]"));
        while (server.server.lineageCommitStats().waiting() < 10_000) {
          Thread.sleep(5);
        }

        HttpResponse<String> single =
            post(server, json(event(run, EventType.COMPLETE, START.plusSeconds(99_999))));
        HttpResponse<String> batch =
            post(
                server,
                "/api/v1/lineage/batch",
                "[" + json(event(run, EventType.FAIL, START.plusSeconds(99_999))) + "]");

        for (HttpResponse<String> refused : List.of(single, batch)) {
          assertThat(refused.statusCode()).isEqualTo(503);
          assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
          assertThat(Json.of(refused).get("error").asText()).isEqualTo("busy");
          assertThat(Json.of(refused).get("detail").asText())
              .contains("10000 lineage events are waiting")
              .contains("nothing of this request was stored");
        }
        blocker.commit();
        assertThat(inFlight.get().statusCode()).isEqualTo(201);
        assertThat(queued.get().statusCode()).isEqualTo(200);
        assertThat(Json.of(queued.get()).get("successful").asInt()).isEqualTo(10_000);
      }
      JsonNode stored = Json.of(server.get("/api/v1/runs/" + run));
      assertThat(stored.get("state").asText()).isEqualTo("RUNNING");
      assertThat(stored.get("eventCount").asInt()).isEqualTo(10_002);
    } finally {
      clients.shutdown();
    }
  }

  /** Waits until {@code count} sessions of the test PostgreSQL wait on a lock. */
  private static void awaitLockWaiters(int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      while (true) {
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
          rows.next();
          if (rows.getInt(1) >= count) {
            return;
          }
        }
        assertThat(System.nanoTime()).as("waited a minute for a lock waiter").isLessThan(deadline);
        Thread.sleep(5);
      }
    }
  }

  /** 150 runs, START then COMPLETE from one client each, 50 events sent twice, 16 clients. */
  private void sendManyAndCheck(TestServer server) throws Exception {
    List<UUID> runs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      runs.add(UUID.randomUUID());
    }
    ExecutorService clients = Executors.newFixedThreadPool(16);
    List<Future<List<Integer>>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < runs.size(); i++) {
        UUID run = runs.get(i);
        boolean repeat = i % 3 == 0;
        sent.add(
            clients.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  String start = json(event(run, EventType.START, START));
                  String complete = json(event(run, EventType.COMPLETE, START.plusSeconds(90)));
                  statuses.add(post(server, start).statusCode());
                  HttpResponse<String> done = post(server, complete);
                  statuses.add(done.statusCode());
                  assertThat(Json.of(done).get("status").asText()).isEqualTo("stored");
                  if (repeat) {
                    HttpResponse<String> again = post(server, start);
                    statuses.add(again.statusCode());
                    assertThat(Json.of(again).get("status").asText()).isEqualTo("duplicate");
                  }
                  return statuses;
                }));
      }
      int created = 0;
      int duplicates = 0;
      for (Future<List<Integer>> each : sent) {
        for (int status : each.get()) {
          if (status == 201) {
            created++;
          } else if (status == 200) {
            duplicates++;
          } else {
            throw new AssertionError("unexpected status " + status);
          }
        }
      }
      assertThat(created).isEqualTo(300);
      assertThat(duplicates).isEqualTo(50);
    } finally {
      clients.shutdown();
    }
    for (UUID run : runs) {
      JsonNode stored = Json.of(server.get("/api/v1/runs/" + run));
      assertThat(stored.get("state").asText()).isEqualTo("COMPLETE");
      assertThat(stored.get("eventCount").asInt()).isEqualTo(2);
      assertThat(stored.get("duration").asText()).isEqualTo("PT1M30S");
    }
  }

  private HttpResponse<String> post(TestServer server, String body) {
    return post(server, "/api/v1/lineage", body);
  }

  private HttpResponse<String> post(TestServer server, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .timeout(Duration.ofSeconds(90))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("no answer to a lineage POST: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String onPostgres(int port) {
    String database = "gc_" + UUID.randomUUID().toString().replace("-", "");
    lastDatabase = database;
    try (Connection connection = postgresFor(port).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (Exception e) {
      throw new IllegalStateException("could not create the test database", e);
    }
    return TestServer.storeSection(folder)
        .replaceFirst(
            "store:\\n  url: [^\\n]+\\n",
            "store:\n  url: jdbc:postgresql://localhost:"
                + port
                + "/"
                + database
                + "\n  user: postgres\n");
  }

  private javax.sql.DataSource postgresFor(int port) {
    org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
    source.setServerNames(new String[] {"localhost"});
    source.setPortNumbers(new int[] {port});
    source.setDatabaseName("postgres");
    source.setUser("postgres");
    return source;
  }
}
