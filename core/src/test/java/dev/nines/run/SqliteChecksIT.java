package dev.nines.run;

import dev.nines.testing.SqliteTestDatabase;
import dev.nines.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class SqliteChecksIT extends CheckSuite {
  @TempDir static Path directory;
  private static SqliteTestDatabase db;

  @BeforeAll
  static void start() {
    db = new SqliteTestDatabase(directory);
    createFixtures(db);
  }

  @Override
  public TestDatabase db() {
    return db;
  }
}
