package dev.nines.server.schedule;

import dev.nines.check.CheckTypes;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** Specs of datasets on an in-memory H2 source, and reads of what the scheduler logged. */
final class ScheduleFixture {
  private ScheduleFixture() {}

  /** An in-memory H2 database holding a small {@code orders} table, open until the JVM exits. */
  static String sourceUrl() {
    String url = "jdbc:h2:mem:source_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, amount INTEGER)");
      statement.execute("INSERT INTO orders VALUES (1, 10), (2, 20), (3, 30)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url;
  }

  /** YAML of a source. */
  static String source(String name, String url, int maxConnections) {
    return "  "
        + name
        + ":\n    url: \""
        + url
        + "\"\n    max_connections: "
        + maxConnections
        + "\n";
  }

  /** YAML of a dataset on the orders table with one row_count check. */
  static String dataset(String name, String source, String schedule) {
    return "  "
        + name
        + ":\n    source: "
        + source
        + "\n    table: orders\n"
        + (schedule == null ? "" : "    " + schedule + "\n")
        + "    checks:\n      - row_count: { min: 1 }\n";
  }

  /** Writes and loads a spec of these sources and datasets. */
  static Spec spec(Path folder, String sources, String... datasets) {
    String yaml = "sources:\n" + sources + "datasets:\n" + String.join("", datasets);
    try {
      Path file = Files.createTempFile(folder, "nines", ".yml");
      Files.writeString(file, yaml);
      return SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A finished row of the scheduled_check log. */
  record Tick(String dataset, long scheduledAtMillis, String claimedBy, UUID runId, int attempts) {}

  static List<Tick> finishedTicks(DataSource store) {
    List<Tick> ticks = new ArrayList<>();
    try (Connection connection = store.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT dataset, scheduled_at, claimed_by, run_id, attempts FROM scheduled_check"
                    + " WHERE finished_at IS NOT NULL ORDER BY scheduled_at")) {
      while (rows.next()) {
        ticks.add(
            new Tick(
                rows.getString(1),
                rows.getObject(2, java.time.OffsetDateTime.class).toInstant().toEpochMilli(),
                rows.getString(3),
                rows.getObject(4, UUID.class),
                rows.getInt(5)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ticks;
  }

  static List<UUID> checkRuns(DataSource store) {
    List<UUID> runs = new ArrayList<>();
    try (Connection connection = store.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM check_run")) {
      while (rows.next()) {
        runs.add(rows.getObject(1, UUID.class));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return runs;
  }

  static long finished(DataSource store, String dataset) {
    return finishedTicks(store).stream().filter(tick -> tick.dataset().equals(dataset)).count();
  }

  /** Waits for a condition, failing after the timeout. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
