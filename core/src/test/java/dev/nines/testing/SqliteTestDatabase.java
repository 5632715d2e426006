package dev.nines.testing;

import java.nio.file.Path;

/** A SQLite database file in a temporary directory. */
public final class SqliteTestDatabase extends TestDatabase {
  private final Path file;

  public SqliteTestDatabase(Path directory) {
    this.file = directory.resolve("test.sqlite");
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String url() {
    return "jdbc:sqlite:" + file;
  }

  @Override
  public String dateType() {
    return "TEXT";
  }

  @Override
  public String timestampType() {
    return "TEXT";
  }

  @Override
  public String slowQuery() {
    return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)"
        + " SELECT COUNT(*) FROM c";
  }

  @Override
  public boolean strictTypes() {
    return false;
  }
}
