package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.MariaDbTestDatabase;
import dev.nines.testing.Specs;
import dev.nines.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs when MariaDB's server binaries are installed (apt-get install mariadb-server). */
class MariaDbChecksIT extends CheckSuite {
  @TempDir static Path directory;
  private static MariaDbTestDatabase db;

  @BeforeAll
  static void start() throws Exception {
    Optional<MariaDbTestDatabase> found = MariaDbTestDatabase.find(directory);
    assumeTrue(found.isPresent(), "MariaDB server binaries (mariadbd, mariadb-install-db) absent");
    db = found.get();
    createFixtures(db);
  }

  @AfterAll
  static void stop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Override
  public TestDatabase db() {
    return db;
  }

  @Test
  void a_wrong_password_is_an_authentication_error() {
    SourceSpec wrong =
        new SourceSpec(
            "db", db.url(), db.user(), "not-the-password", Map.of(), null, null, 1, null, null);
    Spec spec =
        Specs.spec(wrong, Specs.table("orders", "db", "orders", check("row_count", "{min: 1}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      Observation observation = runner.run(RunRequest.ALL).observations().get(0);
      assertThat(observation.errorCategory()).isEqualTo(ErrorCategory.AUTHENTICATION);
      assertThat(observation.message()).doesNotContain("not-the-password");
    }
  }

  @Test
  void freshness_without_a_column_reads_the_tables_update_time() {
    db.execute("CREATE TABLE touched (id INTEGER)", "INSERT INTO touched VALUES (1)");
    Observation observation =
        run(
                History.EMPTY,
                Instant.now(),
                Specs.table("touched", "db", "touched", check("freshness", "{fail: 1h}")))
            .observations()
            .get(0);
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.PASS);
    assertThat(observation.value()).isBetween(0.0, 600.0);
    assertThat(observation.queries().get(0)).contains("information_schema.TABLES");
  }

  @Test
  void connections_are_read_only() {
    db.execute("CREATE SEQUENCE order_numbers");
    Observation observation =
        runOne("orders", check("sql", "{name: sneaky, query: \"select nextval(order_numbers)\"}"));
    assertThat(observation.status()).isEqualTo(Status.ERROR);
    assertThat(observation.message()).containsIgnoringCase("read only");
  }

  @Test
  void timestamp_columns_are_read_in_the_sources_timezone() {
    // The fixture session runs in UTC: the value is stored as 10:00 UTC.
    db.execute(
        "CREATE TABLE stamped (changed_at TIMESTAMP NULL)",
        "SET time_zone = '+00:00'",
        "INSERT INTO stamped VALUES ('2026-01-15 10:00:00')");
    SourceSpec eastern =
        new SourceSpec(
            "db",
            db.url(),
            db.user(),
            db.password(),
            Map.of(),
            null,
            null,
            1,
            java.time.ZoneId.of("Etc/GMT-2"),
            null);
    Spec spec =
        Specs.spec(
            eastern,
            Specs.table(
                "stamped", "db", "stamped", check("freshness", "{column: changed_at, fail: 1d}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      assertThat(runner.run(RunRequest.ALL).observations().get(0).value()).isEqualTo(2 * 3600.0);
    }
  }
}
