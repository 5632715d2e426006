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
  public String timestampType() {
    return "TEXT";
  }
}
