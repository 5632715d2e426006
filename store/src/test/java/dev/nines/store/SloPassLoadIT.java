package dev.nines.store;

import static dev.nines.store.StoreFixtures.runOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.slo.Objective;
import dev.nines.slo.RollingWindow;
import dev.nines.slo.SloStatus;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.store.slo.SloPass;
import dev.nines.store.slo.SloResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a pass that holds nothing in memory yet (a new process) loads the SLOs' stored buckets: with
 * many SLOs, one query for every bucket, not a round trip and an index read per SLO (which made the
 * first pass over 10,000 SLOs on PostgreSQL grow faster than the bucket table; see BENCHMARKS.md).
 * Counted with H2's query statistics (the statements are the same on PostgreSQL, which has no
 * statistics without an extension); the evaluations are compared on both.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class SloPassLoadIT {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  NinesStore store;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() {
    store = NinesStore.open(database.freshStore(folder));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void a_new_pass_over_many_slos_evaluates_them_as_the_pass_that_kept_them_in_memory() {
    Map<String, SloSpec> slos = slos(120);
    SloPass warmPass = seededPass(slos);

    List<SloResult> warm = warmPass.run(slos, T0);
    List<SloResult> cold = new SloPass(store).run(slos, T0);

    assertThat(cold).hasSize(120);
    for (int index = 0; index < cold.size(); index++) {
      SloStatus warmStatus = warm.get(index).status().orElseThrow();
      SloStatus coldStatus = cold.get(index).status().orElseThrow();
      assertThat(coldStatus.tally()).isEqualTo(warmStatus.tally());
      assertThat(coldStatus.burnRates()).isEqualTo(warmStatus.burnRates());
    }
    // slo_7 saw four failures: the restored buckets hold them
    assertThat(cold.get(7).status().orElseThrow().tally().bad()).isEqualTo(4);
  }

  @Test
  void a_new_pass_over_many_slos_reads_all_their_buckets_with_one_query() throws SQLException {
    assumeTrue(database instanceof H2FileDatabase, "statements are counted on H2");
    Map<String, SloSpec> slos = slos(120);
    seededPass(slos).run(slos, T0);
    startCountingQueries();

    new SloPass(store).run(slos, T0);

    assertThat(executions("SELECT%FROM SLO_BUCKET%")).isEqualTo(1);
    assertThat(executions("SELECT%FROM SLO_AGGREGATE%")).isEqualTo(1);
  }

  @Test
  void a_new_pass_over_a_few_slos_reads_each_ones_buckets_alone() throws SQLException {
    assumeTrue(database instanceof H2FileDatabase, "statements are counted on H2");
    Map<String, SloSpec> slos = slos(3);
    seededPass(slos).run(slos, T0);
    startCountingQueries();

    List<SloResult> cold = new SloPass(store).run(slos, T0);

    // a few index reads cost less than reading every SLO's buckets
    assertThat(executions("SELECT%FROM SLO_BUCKET%")).isEqualTo(3);
    assertThat(cold.get(1).status().orElseThrow().tally().bad()).isEqualTo(4);
  }

  /**
   * Twelve observations per SLO, one every ten minutes, four of them failing for slo_1, slo_7 and
   * every SLO whose number ends in 7 or 1; a first pass builds their buckets, a second folds newer
   * ones in (so the stored buckets are those of both paths).
   */
  private SloPass seededPass(Map<String, SloSpec> slos) {
    SloPass pass = new SloPass(store);
    pass.run(slos, T0.minus(Duration.ofHours(3)));
    saveObservations(slos.size(), T0.minus(Duration.ofHours(2)), 6);
    pass.run(slos, T0.minus(Duration.ofHours(1)));
    saveObservations(slos.size(), T0.minus(Duration.ofMinutes(59)), 6);
    return pass;
  }

  private void saveObservations(int size, Instant from, int count) {
    for (int step = 0; step < count; step++) {
      Instant at = from.plus(Duration.ofMinutes(10L * step));
      List<Observation> observations = new ArrayList<>();
      for (int index = 0; index < size; index++) {
        boolean failing = (index % 10 == 7 || index % 10 == 1) && step % 4 == 1;
        observations.add(observation("ds_" + index, failing ? Status.FAIL : Status.PASS, at));
      }
      store.save(runOf(at, observations.toArray(Observation[]::new)), List.of());
    }
  }

  private static Observation observation(String dataset, Status status, Instant at) {
    return new Observation(
        dataset,
        "check",
        "sql",
        status,
        Kind.DATA,
        null,
        0.0,
        null,
        "check " + status,
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }

  private static Map<String, SloSpec> slos(int size) {
    Map<String, SloSpec> slos = new LinkedHashMap<>();
    for (int index = 0; index < size; index++) {
      String name = "slo_" + index;
      slos.put(
          name,
          new SloSpec(
              name,
              null,
              new SliSpec.CheckResults("ds_" + index, "check", false),
              Objective.parse("99%"),
              new RollingWindow(Duration.ofDays(30)),
              null,
              null,
              null,
              null));
    }
    return slos;
  }

  private void startCountingQueries() throws SQLException {
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SET QUERY_STATISTICS TRUE");
    }
  }

  /** How many times statements whose upper-cased text is like {@code pattern} ran. */
  private long executions(String pattern) throws SQLException {
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE UPPER(SQL_STATEMENT) LIKE '"
                    + pattern
                    + "' AND UPPER(SQL_STATEMENT) NOT LIKE '%QUERY_STATISTICS%'")) {
      result.next();
      return result.getLong(1);
    }
  }
}
