package dev.nines.testing;

import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/** A real database started for tests, with what fixtures need to know about its types. */
public abstract class TestDatabase implements AutoCloseable {
  /** Short name used in test names, e.g. {@code postgresql}. */
  public abstract String name();

  public abstract String url();

  public String user() {
    return null;
  }

  public String password() {
    return null;
  }

  /** A read-write connection for fixtures. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /** Type of a zone-less timestamp column. */
  public String timestampType() {
    return "TIMESTAMP";
  }

  /** Type of a date column. */
  public String dateType() {
    return "DATE";
  }

  /** Type of a text column. */
  public String textType(int length) {
    return "VARCHAR(" + length + ")";
  }

  /** Type of a decimal column. */
  public String decimalType() {
    return "DECIMAL(12,2)";
  }

  /** A SELECT returning one number that runs for many seconds (for timeout tests). */
  public abstract String slowQuery();

  /** Whether comparing text with a number is an error here (not a silent conversion). */
  public boolean strictTypes() {
    return true;
  }

  /** The source Nines reads this database through. */
  public SourceSpec source(String name) {
    return new SourceSpec(
        name, url(), user(), password(), Map.of(), Duration.ofSeconds(5), null, 2, null, null);
  }

  /** Runs statements for fixtures. */
  public void execute(String... statements) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("fixture failed on " + name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws Exception {}

  @Override
  public String toString() {
    return name();
  }
}
