package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Observation;
import dev.nines.spec.Spec;
import dev.nines.testing.Faults;
import dev.nines.testing.Fixtures;
import dev.nines.testing.H2TestDatabase;
import dev.nines.testing.Specs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several datasets run in parallel, report progress, and come back in spec order. */
class RunnerProgressIT {
  private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  private static H2TestDatabase db;

  @BeforeAll
  static void start() throws Exception {
    db = new H2TestDatabase();
    for (int i = 1; i <= 6; i++) {
      Fixtures.ordersTable(db, "orders_" + i, 20 + i, Faults.none(), NOW);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void datasets_report_progress_and_results_keep_spec_order() {
    List<String> events = new CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void datasetStarted(String dataset, int index, int total) {
            events.add("start " + dataset + " " + total);
          }

          @Override
          public void datasetFinished(String dataset, List<Observation> observations) {
            events.add("done " + dataset + " " + observations.size());
          }
        };
    var datasets =
        java.util.stream.IntStream.rangeClosed(1, 6)
            .mapToObj(
                i ->
                    Specs.table("orders_" + i, "db", "orders_" + i, check("row_count", "{min: 1}")))
            .toArray(dev.nines.spec.DatasetSpec[]::new);
    Spec spec = Specs.spec(db.source("db"), datasets);
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), listener)) {
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(result.observations())
          .extracting(Observation::value)
          .containsExactly(21.0, 22.0, 23.0, 24.0, 25.0, 26.0);
      RunResult some = runner.run(new RunRequest(java.util.Set.of("orders_2", "orders_5")));
      assertThat(some.observations())
          .extracting(Observation::dataset)
          .containsExactly("orders_2", "orders_5");
    }
    assertThat(events).hasSize(12 + 4);
    assertThat(events).contains("start orders_1 6", "done orders_6 1", "start orders_5 2");
  }
}
