package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.CheckType;
import dev.nines.check.CheckTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecValidationTest {
  private static final String SOURCES =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
        lake: { url: "jdbc:duckdb:" }
      """;

  @TempDir Path folder;

  private List<String> problems(String datasets) {
    return new SpecFiles(folder).problemLines(SOURCES + datasets);
  }

  @Test
  void an_unknown_check_type_suggests_the_nearest_one() {
    assertThat(
            problems(
                """
                datasets:
                  orders:
                    source: warehouse
                    table: orders
                    checks:
                      - fresness: { fail: 24h }
                """))
        .containsExactly(
            "nines.yml:9:9: datasets.orders.checks[0]: unknown check 'fresness' — did you mean"
                + " 'freshness'? (known checks: freshness, row_count, missing, reference, schema,"
                + " sql)");
  }

  @Test
  void unknown_keys_are_reported_at_the_key_with_a_suggestion() {
    assertThat(
            problems(
                """
                datasets:
                  orders:
                    source: warehouse
                    tabel: orders
                    colour: blue
                sorces: {}
                """))
        .containsExactly(
            "nines.yml:5:3: datasets.orders: dataset orders needs one of table, query or file (add"
                + " table: schema.name for a table or view)",
            "nines.yml:7:5: datasets.orders.tabel: unknown key 'tabel' in dataset orders — did you"
                + " mean 'table'? (known keys: source, table, query, file, owner, tags,"
                + " description, every, cron, where, checks)",
            "nines.yml:8:5: datasets.orders.colour: unknown key 'colour' in dataset orders (known"
                + " keys: source, table, query, file, owner, tags, description, every, cron,"
                + " where, checks)",
            "nines.yml:9:1: sorces: unknown key 'sorces' in the spec — did you mean 'sources'?"
                + " (known keys: sources, datasets, store, pipelines, services, slos, consumers,"
                + " notify, server, incidents)");
  }

  @Test
  void values_of_the_wrong_kind_are_named_with_what_was_expected() {
    assertThat(
            new SpecFiles(folder)
                .problemLines(
                    """
                    sources:
                      warehouse:
                        url: [jdbc, postgresql]
                        max_connections: [1]
                        properties: a=b
                      lake: "jdbc:duckdb:"
                    datasets: [orders]
                    pipelines: nightly
                    """))
        .containsExactly(
            "nines.yml:3:10: sources.warehouse.url: expected text, got a list",
            "nines.yml:4:22: sources.warehouse.max_connections: expected a whole number, got a"
                + " list",
            "nines.yml:5:17: sources.warehouse.properties: expected a map of JDBC driver"
                + " properties, got text",
            "nines.yml:6:9: sources.lake: expected a map with url, user, password, ..., got text",
            "nines.yml:7:11: datasets: expected a map of datasets by name, got a list",
            "nines.yml:8:12: pipelines: expected a map of pipelines by name, got text");
  }

  @Test
  void required_fields_and_references_to_undefined_sources_are_problems() {
    assertThat(
            new SpecFiles(folder)
                .problemLines(
                    """
                    sources:
                      warehouse: { user: me }
                    datasets:
                      orders: { table: orders }
                      customers: { source: warehose, table: customers }
                      both: { source: warehouse, table: a, query: "select 1", file: x.csv }
                    """))
        .containsExactly(
            "nines.yml:2:3: sources.warehouse.url: source warehouse needs 'url'",
            "nines.yml:4:3: datasets.orders.source: dataset orders needs 'source'",
            "nines.yml:5:24: datasets.customers.source: source 'warehose' is not defined — did"
                + " you mean 'warehouse'? (defined sources: warehouse)",
            "nines.yml:6:40: datasets.both.query: dataset both sets both table and query (keep"
                + " exactly one of table, query and file)",
            "nines.yml:6:59: datasets.both.file: dataset both sets both table and file (keep"
                + " exactly one of table, query and file)");
  }

  @Test
  void an_injection_attempt_in_a_table_name_is_rejected_with_the_rule() {
    assertThat(
            problems(
                """
                datasets:
                  orders: { source: warehouse, table: "orders; drop table x" }
                """))
        .containsExactly(
            "nines.yml:5:39: datasets.orders.table: 'orders; drop table x' is not a valid table"
                + " name (names are letters, digits, _ and $, not starting with a digit; qualify"
                + " with dots as in schema.table)");
  }

  @Test
  void bad_durations_schedules_and_sql_are_problems() {
    assertThat(
            problems(
                """
                datasets:
                  orders:
                    source: warehouse
                    query: "delete from orders"
                    every: 15 minutes
                    cron: "0 2 * * *"
                    where: "1=1) or (1=1"
                  events:
                    source: lake
                    table: events
                    cron: every night
                  flat: { source: warehouse, file: "flat.csv" }
                """))
        .containsExactly(
            "nines.yml:7:12: datasets.orders.query: the query must be a SELECT (or WITH ..."
                + " SELECT), not DELETE (a dataset query is one SELECT whose result is checked"
                + " like a table)",
            "nines.yml:8:12: datasets.orders.every: '15 minutes' is not a duration: write it as"
                + " 30s, 15m, 12h, 7d or 1h30m",
            "nines.yml:9:5: datasets.orders.cron: dataset orders sets both every and cron (keep"
                + " one of them)",
            "nines.yml:10:12: datasets.orders.where: the filter closes a parenthesis it did not"
                + " open (write one SQL condition such as status = 'paid')",
            "nines.yml:14:11: datasets.events.cron: 'every night' is not a cron expression (five"
                + " fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\")",
            "nines.yml:15:30: datasets.flat.file: file datasets need a DuckDB source, and source"
                + " warehouse is not one (add a source with url: jdbc:duckdb: and point this"
                + " dataset at it)");
  }

  @Test
  void a_check_must_be_a_map_with_one_key() {
    assertThat(
            problems(
                """
                datasets:
                  orders:
                    source: warehouse
                    table: orders
                    checks:
                      - row_count
                      - freshness:
                        fail: 24h
                      - row_count: [1, 2]
                """))
        .containsExactly(
            "nines.yml:9:9: datasets.orders.checks[0]: a check is a map with one key, the check"
                + " type, got text (write each check as '- type: { options }', e.g. '- row_count:"
                + " { min: 1 }')",
            "nines.yml:10:9: datasets.orders.checks[1]: a check is a map with one key, the check"
                + " type, got a map with keys freshness, fail (write each check as '- type: {"
                + " options }', e.g. '- row_count: { min: 1 }'; indent the options under the check"
                + " type)",
            "nines.yml:12:20: datasets.orders.checks[2].row_count: expected a map of row_count"
                + " options, got a list");
  }

  @Test
  void duplicate_check_names_are_reported_after_default_names() {
    assertThat(
            problems(
                """
                datasets:
                  orders:
                    source: warehouse
                    table: orders
                    checks:
                      - missing: { column: customer_id }
                      - row_count: { min: 1 }
                      - missing: { column: customer_id, where: "status = 'paid'" }
                      - row_count: { name: missing_customer_id, max: 10 }
                """))
        .containsExactly(
            "nines.yml:11:9: datasets.orders.checks[2]: check name 'missing_customer_id' is used"
                + " twice in dataset orders (also at nines.yml:9:9) (give one of them a name: of"
                + " its own)",
            "nines.yml:12:9: datasets.orders.checks[3]: check name 'missing_customer_id' is used"
                + " twice in dataset orders (also at nines.yml:9:9) (give one of them a name: of"
                + " its own)");
  }

  @Test
  void check_options_are_validated_by_the_check_type_and_common_keys_by_the_loader() {
    assertThat(
            problems(
                """
                datasets:
                  orders:
                    source: warehouse
                    table: orders
                    checks:
                      - freshness: { warn: 12h, column: loaded_at, colour: red }
                      - sql: { query: "select 1", timeout: soon, name: "bad name" }
                """))
        .containsExactly(
            "nines.yml:9:9: datasets.orders.checks[0].freshness.fail: freshness needs 'fail'",
            "nines.yml:9:52: datasets.orders.checks[0].freshness.colour: unknown option 'colour'",
            "nines.yml:10:9: datasets.orders.checks[1].name: sql checks need a name",
            "nines.yml:10:44: datasets.orders.checks[1].sql.timeout: 'soon' is not a duration:"
                + " write it as 30s, 15m, 12h, 7d or 1h30m",
            "nines.yml:10:50: datasets.orders.checks[1].sql.name: 'bad name' is not a valid check"
                + " name (names are letters, digits, _ and -, starting with a letter or _)");
  }

  @Test
  void a_check_type_that_throws_becomes_a_problem_not_a_crash() {
    CheckType throwing =
        new CheckType() {
          @Override
          public String name() {
            return "throwing";
          }

          @Override
          public String summary() {
            return "Fails to validate.";
          }

          @Override
          public ObjectNode optionsSchema() {
            return JsonNodeFactory.instance.objectNode();
          }

          @Override
          public String defaultName(CheckSpec spec) {
            throw new IllegalStateException("no name");
          }

          @Override
          public void validate(CheckSpec spec, Problems problems) {
            if (spec.options().has("boom")) {
              throw new IllegalArgumentException("boom is not an option");
            }
          }
        };
    SpecFiles files = new SpecFiles(folder);
    Path file =
        files.write(
            "nines.yml",
            SOURCES
                + """
                datasets:
                  orders:
                    source: warehouse
                    table: orders
                    checks:
                      - throwing: { boom: 1 }
                      - throwing: {}
                """);

    InvalidSpecException thrown = null;
    try {
      SpecLoader.load(List.of(file), Map.of(), CheckTypes.of(List.of(throwing)));
    } catch (InvalidSpecException e) {
      thrown = e;
    }

    assertThat(thrown).isNotNull();
    assertThat(files.lines(thrown.problems()))
        .containsExactly(
            "nines.yml:9:9: datasets.orders.checks[0]: check type throwing could not read these"
                + " options: boom is not an option",
            "nines.yml:10:9: datasets.orders.checks[1]: check type throwing could not name this"
                + " check: no name (give it a name:)");
  }

  @Test
  void a_reference_check_needs_a_dataset_on_the_same_source() {
    assertThat(
            problems(
                """
                datasets:
                  orders:
                    source: warehouse
                    table: orders
                    checks:
                      - reference: { column: customer_id, references: { dataset: custmers, column: id } }
                      - reference: { column: event_id, references: { dataset: events, column: id } }
                  customers: { source: warehouse, table: customers }
                  events: { source: lake, file: "events.parquet" }
                """))
        .containsExactly(
            "nines.yml:9:43: datasets.orders.checks[0].reference.references.dataset: dataset"
                + " 'custmers' is not defined — did you mean 'customers'? (declare it under"
                + " datasets:, on source warehouse)",
            "nines.yml:10:40: datasets.orders.checks[1].reference.references.dataset: dataset"
                + " events is on source lake, not warehouse (a reference check compares two"
                + " datasets of one source in one query)");
  }

  @Test
  void later_sections_must_be_maps_and_are_kept_raw() {
    SpecFiles files = new SpecFiles(folder);
    Spec spec =
        files.load(
            files.write(
                "ok.yml",
                """
                slos:
                  orders_fresh: { objective: 99.5%, window: 28d, anything: [goes, here] }
                """));
    assertThat(spec.later().get("slos").at("/orders_fresh/anything/1").asText()).isEqualTo("here");

    assertThat(files.problemLines("consumers: [finance]\n"))
        .containsExactly(
            "nines.yml:1:12: consumers: expected a map of consumers by name, got a list");
  }

  @Test
  void every_problem_of_a_spec_is_reported_at_once_in_file_order() {
    List<String> problems =
        new SpecFiles(folder)
            .problemLines(
                """
                sources:
                  warehouse: { url: "postgres://db", timezone: Mars/Olympus, query_timeout: 0s }
                datasets:
                  orders:
                    source: nowhere
                    table: "1orders"
                store: { url: "jdbc:h2:mem:s", pasword: x }
                """);

    assertThat(problems)
        .containsExactly(
            "nines.yml:2:21: sources.warehouse.url: url must be a JDBC url (for example"
                + " jdbc:postgresql://host:5432/db or jdbc:duckdb:/path/file.duckdb)",
            "nines.yml:2:48: sources.warehouse.timezone: unknown time zone 'Mars/Olympus' (use a"
                + " region such as Europe/Paris or America/Denver, or UTC)",
            "nines.yml:2:77: sources.warehouse.query_timeout: must be longer than zero",
            "nines.yml:5:13: datasets.orders.source: source 'nowhere' is not defined (defined"
                + " sources: warehouse)",
            "nines.yml:6:12: datasets.orders.table: '1orders' is not a valid table name (names"
                + " are letters, digits, _ and $, not starting with a digit; qualify with dots as"
                + " in schema.table)",
            "nines.yml:7:32: store.pasword: unknown key 'pasword' in store — did you mean"
                + " 'password'? (known keys: url, user, password)");
  }
}
