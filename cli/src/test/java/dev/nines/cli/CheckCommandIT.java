package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CheckCommandIT {
  @TempDir Path dir;

  private Path spec(String url, String checks) throws Exception {
    String yaml =
        """
        sources:
          shop: { url: "%s", user: sa }
          crm: { url: "jdbc:postgresql://127.0.0.1:1/crm", connect_timeout: 2s }
        datasets:
          orders:
            source: shop
            table: orders
            checks:
        %s
        """
            .formatted(url, checks.indent(6).stripTrailing());
    return Files.writeString(dir.resolve("nines.yml"), yaml);
  }

  private Cli cli() {
    return new Cli(dir);
  }

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
  }

  @Test
  void passing_checks_exit_zero_with_a_table_on_stdout() throws Exception {
    spec(
        ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0),
        """
        - row_count: { min: 10 }
        - freshness: { column: loaded_at, fail: 1h }
        - duplicates: { column: order_id }
        """);

    Cli.Outcome outcome = cli().run("check", "--store", store());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out())
        .contains("orders")
        .containsPattern("PASS +row_count +DATA +20 ")
        .contains("3 checks: 3 passed, 0 warnings, 0 failed (data), 0 errors (system)");
    assertThat(outcome.err()).isEmpty();
  }

  @Test
  void a_data_failure_exits_one_and_json_carries_every_observation() throws Exception {
    spec(
        ShopDatabase.create(dir, 20, Duration.ofHours(30), 2),
        """
        - row_count: { min: 10 }
        - freshness: { column: loaded_at, warn: 1h, fail: 1d }
        - duplicates: { columns: [order_id] }
        """);

    Cli.Outcome outcome = cli().run("check", "--format", "json", "--no-store");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(outcome.out());
    assertThat(json.get("exit_code").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/checks").asInt()).isEqualTo(3);
    assertThat(json.at("/summary/failed").asInt()).isEqualTo(2);
    assertThat(json.at("/store/saved").asBoolean()).isFalse();
    assertThat(json.get("run_id").asText()).hasSize(36);
    JsonNode duplicates = byCheck(json, "duplicates_order_id");
    assertThat(duplicates.get("status").asText()).isEqualTo("FAIL");
    assertThat(duplicates.get("kind").asText()).isEqualTo("DATA");
    assertThat(duplicates.get("value").asDouble()).isEqualTo(2.0);
    JsonNode freshness = byCheck(json, "freshness");
    assertThat(freshness.get("status").asText()).isEqualTo("FAIL");
    assertThat(freshness.get("queries")).isNotEmpty();
  }

  @Test
  void an_unreachable_source_is_a_system_error_exiting_two_and_a_junit_error() throws Exception {
    spec(
        ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0),
        """
        - row_count: { min: 10 }
        """);
    Files.writeString(
        dir.resolve("nines.yml"),
        Files.readString(dir.resolve("nines.yml"))
            + "  contacts:\n    source: crm\n    table: contacts\n    checks:\n"
            + "      - row_count: { min: 1 }\n");

    Cli.Outcome outcome = cli().run("check", "--format", "junit", "--no-store");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(outcome.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
    assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("type")).isEqualTo("CONNECTION");
    assertThat(((Element) error.getParentNode().getParentNode()).getAttribute("name"))
        .isEqualTo("contacts");
    assertThat(outcome.err()).doesNotContain("at dev.").doesNotContain("at org.");
  }

  @Test
  void history_shows_the_measurements_of_two_runs_newest_first() throws Exception {
    spec(
        ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0),
        """
        - row_count: { min: 10 }
        """);
    assertThat(cli().run("check", "--store", store()).exitCode()).isZero();
    ShopDatabase.create(dir, 25, Duration.ofMinutes(5), 0);
    assertThat(cli().run("check", "--store", store()).exitCode()).isZero();

    Cli.Outcome table = cli().run("history", "orders", "row_count", "--store", store());
    Cli.Outcome json =
        cli().run("history", "orders", "row_count", "--store", store(), "--format", "json");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).contains("MEASURED AT").contains("25").contains("20");
    JsonNode measurements = new ObjectMapper().readTree(json.out()).get("measurements");
    List<Double> values = new ArrayList<>();
    measurements.forEach(m -> values.add(m.get("value").asDouble()));
    assertThat(values).containsExactly(25.0, 20.0);
  }

  @Test
  void explain_sends_no_query_to_the_table() throws Exception {
    String url = "jdbc:h2:mem:explain_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (Connection keeper = DriverManager.getConnection(url, "sa", "");
        Statement statement = keeper.createStatement()) {
      statement.execute("create table orders (order_id int, loaded_at timestamp with time zone)");
      statement.execute("insert into orders values (1, current_timestamp)");
      statement.execute("set query_statistics true");
      spec(url, "- row_count: { min: 1 }\n- duplicates: { column: order_id }");

      Cli.Outcome explained = cli().run("check", "--explain");
      List<String> afterExplain = scansOfOrders(statement);
      Cli.Outcome checked = cli().run("check", "--no-store");
      List<String> afterCheck = scansOfOrders(statement);

      assertThat(explained.exitCode()).as(explained.toString()).isZero();
      assertThat(explained.out())
          .containsIgnoringCase("count(*)")
          .containsIgnoringCase("from \"orders\"");
      assertThat(afterExplain).isEmpty();
      assertThat(checked.exitCode()).as(checked.toString()).isZero();
      assertThat(afterCheck).isNotEmpty();
    }
  }

  /** Statements H2 ran that read the orders table (its catalog reads go to information_schema). */
  private static List<String> scansOfOrders(Statement statement) throws Exception {
    List<String> scans = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery("select sql_statement from information_schema.query_statistics")) {
      while (rows.next()) {
        String sql = rows.getString(1);
        if (sql.toLowerCase(java.util.Locale.ROOT).contains("from \"orders\"")
            || sql.toLowerCase(java.util.Locale.ROOT).contains("from \"public\".\"orders\"")
            || sql.contains("FROM \"ORDERS\"")) {
          scans.add(sql);
        }
      }
    }
    return scans;
  }

  @Test
  void explain_answers_even_when_the_source_is_unreachable() throws Exception {
    Files.writeString(
        dir.resolve("nines.yml"),
        """
        sources:
          crm: { url: "jdbc:postgresql://127.0.0.1:1/crm", connect_timeout: 2s }
        datasets:
          contacts:
            source: crm
            table: contacts
            checks:
              - row_count: { min: 1 }
              - missing: { column: email }
        """);

    Cli.Outcome outcome = cli().run("check", "--explain");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out())
        .contains("-- dataset contacts (source crm)")
        .containsIgnoringCase("select");
    assertThat(outcome.out()).contains("contacts").contains("email");
    assertThat(dir.resolve(".nines")).doesNotExist();
  }

  @Test
  void a_store_failure_still_prints_results_and_exits_two() throws Exception {
    spec(
        ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0),
        """
        - row_count: { min: 10 }
        """);

    Cli.Outcome outcome = cli().run("check", "--store", "jdbc:sqlite:" + dir.resolve("store.db"));

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.out()).containsPattern("PASS +row_count").contains("1 passed");
    assertThat(outcome.err())
        .contains("store error")
        .contains("jdbc:sqlite")
        .doesNotContain("at dev.");
  }

  @Test
  void output_writes_the_report_to_a_file_and_the_summary_to_stdout() throws Exception {
    spec(
        ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0),
        """
        - row_count: { min: 10 }
        """);

    Cli.Outcome outcome =
        cli().run("check", "--no-store", "--format", "junit", "--output", "reports/nines.xml");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(Files.readString(dir.resolve("reports/nines.xml"))).contains("<testsuites");
    assertThat(outcome.out())
        .contains("1 check: 1 passed")
        .contains("junit report written to reports/nines.xml");
  }

  @Test
  void an_unknown_dataset_is_named_with_a_suggestion() throws Exception {
    spec(
        ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0),
        """
        - row_count: { min: 10 }
        """);

    Cli.Outcome outcome = cli().run("check", "--dataset", "order", "--no-store");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("unknown dataset 'order'").contains("did you mean 'orders'");
  }

  private static JsonNode byCheck(JsonNode json, String check) {
    for (JsonNode observation : json.get("observations")) {
      if (observation.get("check").asText().equals(check)) {
        return observation;
      }
    }
    throw new AssertionError("no observation of " + check + " in " + json);
  }
}
