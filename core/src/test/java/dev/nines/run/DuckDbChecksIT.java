package dev.nines.run;

import dev.nines.testing.DuckDbTestDatabase;
import dev.nines.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class DuckDbChecksIT extends CheckSuite {
  @TempDir static Path directory;
  private static DuckDbTestDatabase db;

  @BeforeAll
  static void start() {
    db = new DuckDbTestDatabase(directory);
    createFixtures(db);
  }

  @Override
  protected TestDatabase db() {
    return db;
  }
}
