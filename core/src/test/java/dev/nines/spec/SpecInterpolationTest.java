package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecInterpolationTest {
  @TempDir Path folder;

  @Test
  void variables_defaults_and_escapes_are_resolved_in_any_text_value() {
    SpecFiles files =
        new SpecFiles(folder).environment(Map.of("DB_HOST", "db.internal", "EMPTY", ""));
    Path file =
        files.write(
            "nines.yml",
            """
            sources:
              main:
                url: jdbc:postgresql://${DB_HOST}:${DB_PORT:-5432}/analytics
                user: ${EMPTY:-reader}
                properties: { note: "costs $$5, literal $${NOT_A_VAR}" }
            datasets:
              orders:
                source: main
                table: ${TABLE:-public.orders}
                tags: ["${DB_HOST}", plain]
            """);

    Spec spec = files.load(file);

    SourceSpec main = spec.sources().get("main");
    assertThat(main.url()).isEqualTo("jdbc:postgresql://db.internal:5432/analytics");
    assertThat(main.user()).as("an empty variable takes the default").isEqualTo("reader");
    assertThat(main.properties()).containsEntry("note", "costs $$5, literal ${NOT_A_VAR}");
    assertThat(spec.datasets().get("orders").table()).isEqualTo("public.orders");
    assertThat(spec.datasets().get("orders").tags()).containsExactly("db.internal", "plain");
  }

  @Test
  void a_value_made_of_one_reference_takes_the_type_yaml_would_give_it() {
    SpecFiles files =
        new SpecFiles(folder).environment(Map.of("POOL", "6", "SECRET_PIN", "007", "MIN", "10"));
    Path file =
        files.write(
            "nines.yml",
            """
            sources:
              main: { url: "jdbc:h2:mem:x", max_connections: "${POOL}", password: "${SECRET_PIN}" }
            datasets:
              orders:
                source: main
                table: orders
                checks:
                  - row_count: { min: "${MIN}", max: "at most ${MIN}" }
            """);

    Spec spec = files.load(file);

    assertThat(spec.sources().get("main").maxConnections()).isEqualTo(6);
    assertThat(spec.sources().get("main").password()).isEqualTo("007");
    CheckSpec rowCount = spec.datasets().get("orders").checks().get(0);
    assertThat(rowCount.options().get("min").isInt()).isTrue();
    assertThat(rowCount.options().get("min").intValue()).isEqualTo(10);
    assertThat(rowCount.options().get("max").isTextual()).isTrue();
  }

  @Test
  void a_missing_variable_is_a_problem_naming_it_and_the_place() {
    SpecFiles files = new SpecFiles(folder);

    List<String> problems =
        files.problemLines(
            """
            sources:
              warehouse:
                url: jdbc:postgresql://db:5432/analytics
                password: ${WAREHOUSE_PASSWORD}
                user: "${USER_A} and ${9BAD}"
                properties: { x: "${UNCLOSED" }
            """);

    assertThat(problems)
        .containsExactly(
            "nines.yml:4:15: sources.warehouse.password: environment variable WAREHOUSE_PASSWORD"
                + " is not set (set it, or write ${WAREHOUSE_PASSWORD:-default})",
            "nines.yml:5:11: sources.warehouse.user: environment variable USER_A is not set (set"
                + " it, or write ${USER_A:-default})",
            "nines.yml:5:11: sources.warehouse.user: '${9BAD}' is not a valid environment"
                + " variable reference (variable names are letters, digits and _; write ${NAME}"
                + " or ${NAME:-default})",
            "nines.yml:6:22: sources.warehouse.properties.x: '${' is not closed (write ${NAME} or"
                + " ${NAME:-default}, or $${ for a literal ${)");
  }

  @Test
  void nines_spec_dir_is_the_absolute_folder_of_the_file_being_read() {
    SpecFiles files = new SpecFiles(folder).environment(Map.of("NINES_SPEC_DIR", "/elsewhere"));
    Path first =
        files.write(
            "one/a.yml",
            "sources:\n  shop: { url: 'jdbc:duckdb:${NINES_SPEC_DIR}/shop.duckdb' }\n");
    Path second =
        files.write(
            "two/b.yml",
            "sources:\n  lake: { url: 'jdbc:duckdb:${NINES_SPEC_DIR}/lake.duckdb' }\n");

    Spec spec = files.load(first, second);

    String absolute = folder.toAbsolutePath().normalize().toString();
    assertThat(spec.sources().get("shop").url())
        .isEqualTo("jdbc:duckdb:" + absolute + "/one/shop.duckdb");
    assertThat(spec.sources().get("lake").url())
        .isEqualTo("jdbc:duckdb:" + absolute + "/two/lake.duckdb");
  }

  @Test
  void secrets_never_appear_in_problems_or_printed_values() {
    String password = "Tr0ub4dor&3";
    String token = "tok-98765-secret";
    SpecFiles files =
        new SpecFiles(folder)
            .environment(Map.of("WAREHOUSE_PASSWORD", password, "API_TOKEN", token));
    Path bad =
        files.write(
            "bad.yml",
            """
            sources:
              warehouse:
                url: "jdbc:postgresql://db/x?password=${WAREHOUSE_PASSWORD}"
                password: ${WAREHOUSE_PASSWORD}
                query_timeout: ${API_TOKEN}
                timezone: ${WAREHOUSE_PASSWORD}
              other:
                url: "not-jdbc ${WAREHOUSE_PASSWORD}"
                password: [ "${WAREHOUSE_PASSWORD}" ]
            datasets:
              orders: { source: warehouse, table: "${WAREHOUSE_PASSWORD}" }
            """);

    InvalidSpecException thrown = null;
    try {
      files.load(bad);
    } catch (InvalidSpecException e) {
      thrown = e;
    }

    assertThat(thrown).isNotNull();
    assertThat(thrown.problems()).hasSize(5);
    assertThat(thrown.getMessage()).doesNotContain(password).doesNotContain(token);
    assertThat(thrown.problems().toString()).doesNotContain(password).doesNotContain(token);
    assertThat(files.lines(thrown.problems()))
        .contains(
            "bad.yml:5:20: sources.warehouse.query_timeout: '****' is not a duration: write it as"
                + " 30s, 15m, 12h, 7d or 1h30m");

    Path good =
        files.write(
            "good.yml",
            """
            sources:
              warehouse: { url: "jdbc:h2:mem:x", password: "${WAREHOUSE_PASSWORD}" }
            store: { url: "jdbc:h2:mem:s", password: "${WAREHOUSE_PASSWORD}" }
            notify:
              channels: { oncall: { pagerduty: { routing_key: "${API_TOKEN}" } } }
            """);
    Spec spec = files.load(good);
    assertThat(spec.sources().get("warehouse").password()).isEqualTo(password);
    assertThat(spec.toString()).doesNotContain(password).doesNotContain(token);
  }
}
