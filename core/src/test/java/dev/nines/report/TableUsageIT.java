package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nines.dialect.DuckDbDialect;
import dev.nines.dialect.Relation;
import dev.nines.dialect.TableStatistic;
import dev.nines.spec.SourceSpec;
import dev.nines.testing.MariaDbTestDatabase;
import dev.nines.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a table is read and how big it is, from each database's own catalog and counters. */
class TableUsageIT {
  static PostgresTestDatabase postgres;
  @TempDir Path folder;

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
    DatasetReport.Value value =
        TableUsage.of(source(postgres.url(), PostgresTestDatabase.USER), "public.archive");

    assertThat(value.scans()).as(value.note()).isZero();
    assertThat(value.bytes()).isGreaterThan(100_000L); // 5,000 integers take several pages
    assertThat(value.note()).startsWith("unused: no read counted, sequential and index scans");
    assertThat(value.sizeNote()).isEqualTo("pg_total_relation_size: table, indexes, TOAST");
  }

  @Test
  void a_missing_table_and_a_database_without_counters_are_told_not_guessed() throws Exception {
    assertThat(TableUsage.of(source(postgres.url(), PostgresTestDatabase.USER), "nowhere").note())
        .isEqualTo("not known: table nowhere does not exist in source shop (or is not visible)");
    String url = "jdbc:h2:mem:usage;DB_CLOSE_DELAY=-1";
    try (Connection keepAlive = DriverManager.getConnection(url);
        Statement statement = keepAlive.createStatement()) {
      statement.execute("create table orders as select x as id from system_range(1, 1000)");
      DatasetReport.Value h2 = TableUsage.of(source(url, null), "orders");
      assertThat(h2.scans()).isNull();
      assertThat(h2.note()).isEqualTo("not known on h2: it keeps no per-table read counters");
      assertThat(h2.bytes()).isNull(); // DISK_SPACE_USED says 0 in memory: not an empty table
      assertThat(h2.sizeNote())
          .isEqualTo("not known on h2: an in-memory database has no disk size");
    }
  }

  @Test
  void h2_files_tell_the_size_of_a_table_and_its_indexes() throws Exception {
    String url = "jdbc:h2:file:" + folder.resolve("shop").toAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table orders as select x as id, 'order ' || x as label"
              + " from system_range(1, 20000)");
      statement.execute("create table small(id int)");
    }
    DatasetReport.Value orders = TableUsage.of(source(url, null), "orders");
    DatasetReport.Value small = TableUsage.of(source(url, null), "small");

    assertThat(orders.bytes()).as(orders.sizeNote()).isGreaterThan(200_000L);
    assertThat(small.bytes()).isLessThan(orders.bytes() / 10);
    assertThat(orders.sizeNote()).isEqualTo("DISK_SPACE_USED: table and indexes");
  }

  @Test
  void duckdb_estimates_the_size_from_the_blocks_its_segments_use() throws Exception {
    String url = "jdbc:duckdb:" + folder.resolve("shop.duckdb").toAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table orders as select range as id, 'order ' || range as label"
              + " from range(300000)");
      statement.execute("checkpoint");
    }
    DatasetReport.Value value = TableUsage.of(source(url, null), "orders");

    // at least one 256 KiB block, and no more than the file holds
    assertThat(value.bytes()).as(value.sizeNote()).isGreaterThanOrEqualTo(262_144L);
    assertThat(value.bytes()).isLessThanOrEqualTo(Files.size(folder.resolve("shop.duckdb")));
    assertThat(value.bytes() % 262_144).isZero();
    assertThat(value.sizeNote()).startsWith("estimate: storage blocks holding its column segments");
    assertThat(value.note()).isEqualTo("not known on duckdb: it keeps no per-table read counters");
  }

  @Test
  void sqlite_counts_the_pages_of_a_table_and_its_indexes_in_dbstat() throws Exception {
    Path file = folder.resolve("shop.sqlite");
    String url = "jdbc:sqlite:" + file;
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("create table orders(id integer primary key, label text)");
      statement.execute(
          "with recursive r(x) as (select 1 union all select x + 1 from r where x < 20000)"
              + " insert into orders select x, 'order ' || x from r");
      statement.execute("create index orders_by_label on orders(label)");
      statement.execute("create table other(id integer)");
    }
    DatasetReport.Value value = TableUsage.of(source(url, null), "orders");

    long fileBytes = Files.size(file);
    // the table and its index are nearly the whole file, but not the other table's page
    assertThat(value.bytes()).as(value.sizeNote()).isBetween(fileBytes / 2, fileBytes - 1);
    assertThat(value.sizeNote()).isEqualTo("dbstat: pages of the table and its indexes");
    assertThat(value.scans()).isNull();
  }

  @Test
  void mariadb_tells_size_and_rows_read_when_performance_schema_is_on() throws Exception {
    Optional<MariaDbTestDatabase> found =
        MariaDbTestDatabase.find(folder, List.of("--performance-schema=ON"));
    assumeTrue(found.isPresent(), "MariaDB server binaries (mariadbd, mariadb-install-db) absent");
    try (MariaDbTestDatabase maria = found.get()) {
      maria.execute(
          "create table orders (id int primary key, label varchar(40))",
          "insert into orders select seq, concat('order ', seq) from seq_1_to_5000",
          "create table archive (id int primary key)",
          "analyze table orders");
      maria.execute("select count(*) from orders where label like '%7%'");
      SourceSpec source =
          new SourceSpec(
              "shop",
              maria.url(),
              maria.user(),
              maria.password(),
              Map.of(),
              Duration.ofSeconds(10),
              Duration.ofSeconds(30),
              1,
              ZoneId.of("UTC"),
              null);

      assertThat(TableUsage.of(source, "orders").note())
          .isEqualTo(
              "not known on mysql: the source's user may not read performance_schema"
                  + " (GRANT SELECT ON performance_schema.table_io_waits_summary_by_table)");
      maria.executeAsRoot(
          "GRANT SELECT ON performance_schema.table_io_waits_summary_by_table TO 'nines'@'%'");

      DatasetReport.Value orders = TableUsage.of(source, "orders");
      DatasetReport.Value archive = TableUsage.of(source, "archive");

      assertThat(orders.scans()).as(orders.note()).isGreaterThanOrEqualTo(5_000L);
      assertThat(orders.note()).startsWith("rows read since the server started");
      assertThat(orders.bytes()).as(orders.sizeNote()).isGreaterThan(16_384L);
      assertThat(orders.sizeNote())
          .isEqualTo("information_schema.TABLES data_length + index_length (estimated)");
      assertThat(archive.scans()).as(archive.note()).isZero();
      assertThat(archive.note()).startsWith("unused: no read counted");
    }
  }

  @Test
  void mariadb_without_performance_schema_says_reads_are_not_known_but_tells_the_size()
      throws Exception {
    Optional<MariaDbTestDatabase> found = MariaDbTestDatabase.find(folder);
    assumeTrue(found.isPresent(), "MariaDB server binaries (mariadbd, mariadb-install-db) absent");
    try (MariaDbTestDatabase maria = found.get()) {
      maria.execute("create table orders (id int primary key)");
      DatasetReport.Value value = TableUsage.of(maria.source("shop"), "orders");

      assertThat(value.scans()).isNull();
      assertThat(value.note())
          .isEqualTo(
              "not known on mysql: performance_schema is off, so no table reads are counted");
      assertThat(value.bytes()).as(value.sizeNote()).isPositive();
    }
  }

  @Test
  void an_in_memory_duckdb_has_no_stored_blocks_to_tell_a_size_from() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("create table orders as select range as id from range(100000)");
      TableStatistic size =
          new DuckDbDialect().tableSize(connection, new Relation.Table(List.of("orders")));

      assertThat(size.isKnown()).isFalse();
      assertThat(size.basis())
          .isEqualTo(
              "not known on duckdb: the table has no stored blocks (an in-memory database, or"
                  + " not yet checkpointed)");
    }
  }

  private static SourceSpec source(String url, String user) {
    return new SourceSpec(
        "shop",
        url,
        user,
        user == null ? null : PostgresTestDatabase.PASSWORD,
        Map.of(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        1,
        ZoneId.of("UTC"),
        null);
  }
}
