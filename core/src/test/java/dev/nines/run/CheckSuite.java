package dev.nines.run;

import dev.nines.testing.TestDatabase;

/**
 * The same fixture and the same expectations on every database: one subclass per database starts it
 * and calls {@link SuiteSupport#createFixtures}.
 */
public abstract class CheckSuite implements TimeAndShapeSuite, ColumnSuite, EngineSuite {
  protected static final java.time.Instant NOW = SuiteSupport.NOW;
  protected static final int ALL_ROWS = SuiteSupport.ALL_ROWS;

  @Override
  public abstract TestDatabase db();

  protected static void createFixtures(TestDatabase db) {
    SuiteSupport.createFixtures(db);
  }

  protected static dev.nines.observation.Observation named(RunResult result, String check) {
    return SuiteSupport.named(result, check);
  }
}
