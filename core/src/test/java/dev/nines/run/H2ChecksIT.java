package dev.nines.run;

import dev.nines.testing.H2TestDatabase;
import dev.nines.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2ChecksIT extends CheckSuite {
  private static H2TestDatabase db;

  @BeforeAll
  static void start() throws Exception {
    db = new H2TestDatabase();
    createFixtures(db);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Override
  public TestDatabase db() {
    return db;
  }
}
