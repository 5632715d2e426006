package dev.nines.run;

import dev.nines.testing.PostgresTestDatabase;
import dev.nines.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresChecksIT extends CheckSuite {
  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() throws Exception {
    db = new PostgresTestDatabase();
    createFixtures(db);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Override
  protected TestDatabase db() {
    return db;
  }
}
