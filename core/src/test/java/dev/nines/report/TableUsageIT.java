package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.spec.SourceSpec;
import dev.nines.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whether a table is read, from PostgreSQL's own scan counters. */
class TableUsageIT {
  static PostgresTestDatabase postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = new PostgresTestDatabase();
    try (Connection connection = postgres.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table public.archive as select g as id from generate_series(1, 5000) g");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void a_table_nobody_scanned_is_reported_unused_with_its_size() {
    DatasetReport.Value value = TableUsage.of(source(postgres.url()), "public.archive");

    assertThat(value.scans()).as(value.note()).isZero();
    assertThat(value.bytes()).isGreaterThan(100_000L); // 5,000 integers take several pages
    assertThat(value.note()).startsWith("unused: no scan since the statistics were reset");
  }

  @Test
  void a_missing_table_and_a_database_without_counters_are_told_not_guessed() {
    assertThat(TableUsage.of(source(postgres.url()), "nowhere").note())
        .isEqualTo("pg_stat_user_tables has no row for public.nowhere");
    DatasetReport.Value h2 = TableUsage.of(source("jdbc:h2:mem:usage"), "orders");
    assertThat(h2.scans()).isNull();
    assertThat(h2.note()).isEqualTo("only PostgreSQL counts table scans; source shop does not");
  }

  private static SourceSpec source(String url) {
    return new SourceSpec(
        "shop",
        url,
        PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD,
        Map.of(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        1,
        ZoneId.of("UTC"),
        null);
  }
}
