package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nines remediate} straight against the store, no server running. */
class RemediateCommandIT {
  @TempDir Path dir;
  private HttpServer hook;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  @BeforeEach
  void setUp() throws Exception {
    hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext(
        "/",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    hook.start();
    String store = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    Files.writeString(
        dir.resolve("nines.yml"),
        "store: { url: \""
            + store
            + "\" }\n"
            + """
            sources:
              warehouse: { url: "jdbc:h2:mem:w" }
            datasets:
              orders: { source: warehouse, table: orders }
              research: { source: warehouse, table: research }
            pipelines:
              load_orders:
                outputs: [orders]
                remediation: { webhook: { url: "http://127.0.0.1:%d/fix" } }
            """
                .formatted(hook.getAddress().getPort()));
    NinesStore.open(new StoreSpec(store, null, null)).close(); // creates the tables
    insertIncident(store, "orders");
    insertIncident(store, "research");
  }

  @AfterEach
  void stop() {
    hook.stop(0);
  }

  private static void insertIncident(String url, String dataset) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO incident (incident_key, title, subject_kind, subject, cause, kind,"
                    + " severity, severity_rule, status, consumers, agreements, impact,"
                    + " started_at, detected_at, last_failure_at, consecutive_passes,"
                    + " observation_count, last_message, updated_at, severity_since) VALUES (?, ?, 'DATASET', ?,"
                    + " 'freshness', 'DATA', 'SEV2', 'default', 'OPEN', '[]', '[]', '[]', ?, ?, ?,"
                    + " 0, 1, 'late', ?, ?)")) {
      insert.setString(1, dataset);
      insert.setString(2, dataset + " is late");
      insert.setString(3, dataset);
      OffsetDateTime at = OffsetDateTime.of(2026, 3, 1, 2, 0, 0, 0, ZoneOffset.UTC);
      for (int i = 4; i <= 8; i++) {
        insert.setObject(i, at);
      }
      insert.executeUpdate();
    }
  }

  @Test
  void remediate_runs_the_offered_action_and_list_shows_who_asked() {
    Cli.Outcome ran = new Cli(dir).run("remediate", "1", "--by", "alice");
    Cli.Outcome listed = new Cli(dir).run("remediate", "1", "--list");

    assertThat(ran.exitCode()).as(ran.toString()).isZero();
    assertThat(ran.out())
        .contains(
            "load_orders attempt 1 succeeded: the webhook at http://127.0.0.1:"
                + hook.getAddress().getPort()
                + " answered HTTP 200");
    assertThat(received).hasSize(1);
    assertThat(received.get(0)).contains("\"triggered_by\":\"alice\"");
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(listed.out())
        .contains("incident #1 is offered:")
        .contains("load_orders")
        .contains("(pipeline load_orders writes orders)")
        .contains("load_orders attempt 1 by alice: succeeded: the webhook at");
  }

  @Test
  void a_failed_attempt_is_reported_with_exit_code_2() {
    status = 500;

    Cli.Outcome outcome = new Cli(dir).run("remediate", "1", "--action", "load_orders");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("load_orders attempt 1 failed: the webhook at");
  }

  @Test
  void an_unknown_incident_or_nothing_to_run_is_a_clear_message_and_exit_code_2() {
    Cli.Outcome unknown = new Cli(dir).run("remediate", "99");
    Cli.Outcome nothing = new Cli(dir).run("remediate", "2");
    Cli.Outcome notAnId = new Cli(dir).run("remediate", "orders");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().strip()).isEqualTo("error: incident #99 does not exist");
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err().strip())
        .isEqualTo(
            "error: nothing to run for incident #2: no pipeline behind dataset research declares"
                + " remediation with airflow: or webhook:");
    assertThat(notAnId.exitCode()).isEqualTo(2);
    assertThat(notAnId.err())
        .contains("'orders' is not an incident id: give its number, e.g. nines remediate 42");
    assertThat(received).isEmpty();
  }

  @Test
  void list_in_json_is_machine_readable() throws IOException {
    Cli.Outcome listed = new Cli(dir).run("remediate", "1", "--list", "--format", "json");

    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(listed.out());
    assertThat(tree.get("incident").asLong()).isEqualTo(1);
    assertThat(tree.at("/offers/0/type").asText()).isEqualTo("webhook");
    assertThat(tree.get("attempts")).isEmpty();
  }
}
