package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Observation;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.Faults;
import dev.nines.testing.Fixtures;
import dev.nines.testing.Specs;
import dev.nines.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the shared suite needs of a database: each implementing test class starts one database and
 * creates the tables with {@link #createFixtures}.
 */
interface SuiteSupport {
  Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  int ROWS = 100;

  /** 100 rows + 3 duplicates. */
  int ALL_ROWS = ROWS + Faults.typical().duplicateKeys();

  TestDatabase db();

  static void createFixtures(TestDatabase db) {
    Fixtures.customersTable(db, "customers");
    Fixtures.ordersTable(db, "orders", ROWS, Faults.typical(), NOW);
    Fixtures.ordersTable(db, "clean_orders", ROWS, Faults.none(), NOW);
    Fixtures.numbersTable(db, "numbers", 10);
    Fixtures.eventsTable(db, "events", NOW);
    Fixtures.keyedTable(db, "keyed");
  }

  default RunResult run(DatasetSpec... datasets) {
    return run(History.EMPTY, NOW, datasets);
  }

  default RunResult run(History history, Instant now, DatasetSpec... datasets) {
    Spec spec = Specs.spec(db().source("db"), datasets);
    try (CheckRunner runner =
        new CheckRunner(spec, history, Clock.fixed(now, ZoneOffset.UTC), RunListener.NONE)) {
      return runner.run(RunRequest.ALL);
    }
  }

  default Observation runOne(String table, CheckSpec check) {
    RunResult result = run(Specs.table("orders", "db", table, check));
    assertThat(result.observations()).hasSize(1);
    return result.observations().get(0);
  }

  default Observation orders(String type, String options) {
    return runOne("orders", check(type, options));
  }

  static Observation named(RunResult result, String check) {
    return result.observations().stream()
        .filter(observation -> observation.check().equals(check))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no observation of " + check));
  }
}
