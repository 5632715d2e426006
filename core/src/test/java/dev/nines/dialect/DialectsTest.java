package dev.nines.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectsTest {
  private final Dialects dialects = Dialects.builtIn();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "jdbc:postgresql://db:5432/analytics, postgresql",
    "jdbc:mysql://db/shop, mysql",
    "jdbc:mariadb://db/shop, mysql",
    "jdbc:h2:mem:x, h2",
    "jdbc:duckdb:, duckdb",
    "jdbc:sqlite:data/x.db, sqlite",
  })
  void the_dialect_is_chosen_by_jdbc_url(String url, String name) {
    assertThat(dialects.forUrl(url)).map(Dialect::name).hasValue(name);
  }

  @Test
  void an_unknown_url_has_no_dialect() {
    assertThat(dialects.forUrl("jdbc:oracle:thin:@db")).isEmpty();
    assertThat(dialects.forUrl(null)).isEmpty();
  }

  @Test
  void identifiers_are_quoted_and_embedded_quotes_doubled() {
    assertThat(new PostgresDialect().quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    assertThat(new MySqlDialect().quote("we`ird")).isEqualTo("`we``ird`");
    assertThat(new H2Dialect().quote(List.of("public", "orders")))
        .isEqualTo("\"public\".\"orders\"");
  }

  @Test
  void string_literals_cannot_break_out() {
    assertThat(new PostgresDialect().literal("O'Brien")).isEqualTo("'O''Brien'");
    assertThat(new MySqlDialect().literal("a\\' OR 1=1")).isEqualTo("'a\\\\'' OR 1=1'");
  }

  @Test
  void numbers_are_written_without_exponent() {
    Dialect dialect = new PostgresDialect();
    assertThat(dialect.literal(1000.0)).isEqualTo("1000");
    assertThat(dialect.literal(0.95)).isEqualTo("0.95");
    assertThat(dialect.literal(1e-7)).isEqualTo("0.0000001");
  }

  @Test
  void relations_render_as_tables_subqueries_and_file_readers() {
    DuckDbDialect duckdb = new DuckDbDialect();
    assertThat(duckdb.from(new Relation.Table(List.of("main", "orders")), "t"))
        .isEqualTo("\"main\".\"orders\" t");
    assertThat(duckdb.from(new Relation.Query("select 1 as x;"), "t"))
        .isEqualTo("(select 1 as x) t");
    assertThat(duckdb.from(new Relation.File("data/o'rders.parquet"), "t"))
        .isEqualTo("read_parquet('data/o''rders.parquet') t");
    assertThat(duckdb.from(new Relation.File("data/*.csv"), "t"))
        .isEqualTo("read_csv_auto('data/*.csv') t");
    assertThat(duckdb.from(new Relation.File("events.ndjson"), "t"))
        .isEqualTo("read_json_auto('events.ndjson') t");
    assertThatThrownBy(() -> new PostgresDialect().from(new Relation.File("x.parquet"), "t"))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("DuckDB");
  }

  @Test
  void percentile_aggregates_exist_only_where_the_database_has_one() {
    assertThat(new PostgresDialect().percentile("\"x\"", 0.95))
        .hasValue("PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY \"x\")");
    assertThat(new DuckDbDialect().percentile("\"x\"", 0.5)).hasValue("quantile_cont(\"x\", 0.5)");
    assertThat(new MySqlDialect().percentile("`x`", 0.5)).isEmpty();
    assertThat(new SqliteDialect().percentile("\"x\"", 0.5)).isEmpty();
  }

  @Test
  void time_literals_follow_how_each_database_stores_time() {
    LocalDateTime time = LocalDateTime.of(2026, 1, 15, 12, 0, 5);
    assertThat(new PostgresDialect().timestampLiteral(time))
        .isEqualTo("TIMESTAMP '2026-01-15 12:00:05'");
    assertThat(new SqliteDialect().timestampLiteral(time)).isEqualTo("'2026-01-15 12:00:05'");
  }

  @Test
  void mysql_reads_last_modification_from_information_schema() {
    assertThat(new MySqlDialect().lastModifiedQuery(new Relation.Table(List.of("shop", "orders"))))
        .hasValue(
            "SELECT UPDATE_TIME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' AND"
                + " TABLE_NAME = 'orders'");
    assertThat(new PostgresDialect().lastModifiedQuery(new Relation.Table(List.of("orders"))))
        .isEmpty();
  }
}
