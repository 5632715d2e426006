package dev.nines.testing;

import java.nio.file.Path;

/** A DuckDB database file in a temporary directory. */
public final class DuckDbTestDatabase extends TestDatabase {
  private final Path file;

  public DuckDbTestDatabase(Path directory) {
    this.file = directory.resolve("test.duckdb");
  }

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String url() {
    return "jdbc:duckdb:" + file;
  }

  public Path directory() {
    return file.getParent();
  }

  @Override
  public String slowQuery() {
    return "SELECT SUM(a.range * b.range) FROM range(1000000) a, range(100000) b";
  }
}
