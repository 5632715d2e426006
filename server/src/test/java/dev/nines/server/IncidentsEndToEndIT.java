package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.notify.ScriptedReceiver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's "done when" in a running {@code nines serve} with real scheduled checks: a duplicates
 * failure on a research-only dataset becomes one SEV3 incident that waits for the daily digest,
 * while the warehouse (a real PostgreSQL, stopped) going down becomes one SEV1 incident paging
 * PagerDuty with its datasets as impact; both resolve on their own when the checks pass again, with
 * TTD and TTR recorded.
 */
class IncidentsEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String LAKE = "jdbc:h2:mem:e2e_lake;DB_CLOSE_DELAY=-1";

  /** What the server says, printed when a wait times out. */
  private Supplier<String> diagnosis = () -> "";

  @TempDir Path folder;
  private EmbeddedPostgres warehouse;
  private TestServer server;
  private ScriptedReceiver receiver;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void warehouse_down_pages_once_with_impact_and_research_duplicates_wait_then_both_resolve()
      throws Exception {
    int port = freePort();
    Path data = folder.resolve("warehouse");
    warehouse = startWarehouse(port, data);
    seedWarehouse(port);
    seedLake(true);
    receiver = new ScriptedReceiver();
    server = TestServer.start(folder, spec(port), Map.of(), Clock.systemUTC());

    JsonNode research =
        await("the research duplicates incident", () -> findIncident("training_set"));
    assertThat(research.path("severity").asText()).isEqualTo("SEV3");
    assertThat(research.path("kind").asText()).isEqualTo("DATA");
    assertThat(research.path("consumers").toString()).contains("research");
    until("passing warehouse checks", () -> passes("orders") && passes("customers"));
    assertThat(paths("/slack")).as("SEV3 waits for the 09:00 digest").isEmpty();

    warehouse.close();
    warehouse = null;
    JsonNode down = await("the warehouse incident", () -> findIncident("warehouse"));
    assertThat(down.path("severity").asText()).isEqualTo("SEV1");
    assertThat(down.path("kind").asText()).isEqualTo("SYSTEM");
    assertThat(down.path("subject").path("kind").asText()).isEqualTo("SOURCE");
    assertThat(down.path("impact").toString()).contains("orders").contains("customers");
    until("the page", () -> !paths("/pagerduty").isEmpty());
    ScriptedReceiver.Request page = paths("/pagerduty").get(0);
    JsonNode pageBody = JSON.readTree(page.body());
    assertThat(pageBody.path("event_action").asText()).isEqualTo("trigger");
    assertThat(pageBody.path("payload").path("severity").asText()).isEqualTo("critical");
    assertThat(pageBody.path("dedup_key").asText())
        .isEqualTo("nines-incident-" + down.path("id").asLong());
    assertThat(page.body()).contains("orders").contains("customers");
    assertThat(openIncidents())
        .as("one incident for the down warehouse, one for research")
        .hasSize(2);

    warehouse = startWarehouse(port, data);
    seedWarehouse(port);
    seedLake(false);
    diagnosis =
        () ->
            get("/api/v1/datasets/orders/observations?limit=3").toString()
                + "\n"
                + get("/api/v1/incidents?limit=5").toString();
    JsonNode resolvedDown =
        await("the warehouse incident resolved", resolved(down.path("id").asLong()));
    JsonNode resolvedResearch =
        await("the research incident resolved", resolved(research.path("id").asLong()));
    for (JsonNode incident : List.of(resolvedDown, resolvedResearch)) {
      assertThat(incident.path("resolution").asText()).isEqualTo("FIXED");
      assertThat(incident.hasNonNull("timeToDetect")).isTrue();
      assertThat(incident.hasNonNull("timeToResolve")).isTrue();
    }
    until(
        "the resolve sent to PagerDuty",
        () -> paths("/pagerduty").stream().anyMatch(r -> r.body().contains("\"resolve\"")));
    assertThat(paths("/pagerduty").stream().filter(r -> r.body().contains("\"trigger\"")))
        .as("paged once")
        .hasSize(1);
  }

  private String spec(int port) {
    return "store:\n  url: jdbc:h2:file:"
        + folder.resolve("store").toAbsolutePath()
        + "\n"
        + """
        sources:
          warehouse:
            url: "jdbc:postgresql://127.0.0.1:%d/postgres"
            user: postgres
            connect_timeout: 2s
            query_timeout: 10s
          lake: { url: "%s" }
        datasets:
          orders:
            source: warehouse
            table: public.orders
            owner: data-eng
            every: 1s
            checks: [ { row_count: { min: 1 } } ]
          customers:
            source: warehouse
            table: public.customers
            owner: data-eng
            every: 1s
            checks: [ { row_count: { min: 1 } } ]
          training_set:
            source: lake
            table: training_set
            owner: research
            every: 1s
            checks: [ { duplicates: { column: id } } ]
        consumers:
          finance:
            agreements: [ { promise: orders is never older than 24 hours, datasets: [orders] } ]
            breach: SEV1
            notify: [oncall]
          research:
            agreements: [ { promise: no duplicates in the training set, datasets: [training_set] } ]
            breach: SEV3
            notify: [ds-digest]
        notify:
          channels:
            oncall: { pagerduty: { routing_key: e2e-key, api_url: "%s" } }
            ds-digest: { slack: { webhook: "%s" } }
          routes:
            - { match: { severity: [SEV1] }, channels: [oncall], group_wait: 0s, group_interval: 1s }
            - { match: { severity: [SEV3] }, channels: [ds-digest], digest: daily 09:00, continue: false }
        """
            .formatted(port, LAKE, receiver.url("/pagerduty"), receiver.url("/slack"));
  }

  private static EmbeddedPostgres startWarehouse(int port, Path data) throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .start();
  }

  private static void seedWarehouse(int port) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS orders (id INT)");
      statement.execute("CREATE TABLE IF NOT EXISTS customers (id INT)");
      statement.execute("INSERT INTO orders SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM orders)");
      statement.execute(
          "INSERT INTO customers SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM customers)");
    }
  }

  private static void seedLake(boolean withDuplicates) throws SQLException {
    try (Connection connection = DriverManager.getConnection(LAKE);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS training_set");
      statement.execute("CREATE TABLE training_set (id INT, label VARCHAR(10))");
      statement.execute("INSERT INTO training_set VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      if (withDuplicates) {
        statement.execute("INSERT INTO training_set VALUES (2, 'b'), (3, 'c')");
      }
    }
  }

  private Optional<JsonNode> findIncident(String subject) {
    return openIncidents().stream()
        .filter(i -> i.path("subject").path("name").asText().equals(subject))
        .findFirst();
  }

  private Supplier<Optional<JsonNode>> resolved(long id) {
    return () ->
        Optional.of(get("/api/v1/incidents/" + id).path("incident"))
            .filter(incident -> incident.path("status").asText().equals("RESOLVED"));
  }

  private List<JsonNode> openIncidents() {
    JsonNode page = get("/api/v1/incidents?status=OPEN&limit=50");
    return StreamSupport.stream(page.path("items").spliterator(), false).toList();
  }

  private boolean passes(String dataset) {
    JsonNode page = get("/api/v1/datasets/" + dataset + "/observations?status=PASS&limit=1");
    return page.path("items").size() > 0;
  }

  private JsonNode get(String path) {
    try {
      return JSON.readTree(server.get(path).body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<ScriptedReceiver.Request> paths(String path) {
    return receiver.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Waits until {@code probe} finds something and returns it. */
  private JsonNode await(String what, Supplier<Optional<JsonNode>> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonNode> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "timed out after " + WAIT.toSeconds() + "s waiting for " + what + "\n" + diagnosis.get());
  }

  private void until(String what, BooleanSupplier done) throws InterruptedException {
    await(what, () -> done.getAsBoolean() ? Optional.of(JSON.nullNode()) : Optional.empty());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
