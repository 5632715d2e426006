package dev.nines.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nines.testing.MariaDbTestDatabase;
import dev.nines.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
  protected TestDatabase db() {
    return db;
  }
}
