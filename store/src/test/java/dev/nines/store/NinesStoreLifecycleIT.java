package dev.nines.store;

import static dev.nines.store.StoreFixtures.T0;
import static dev.nines.store.StoreFixtures.asStored;
import static dev.nines.store.StoreFixtures.at;
import static dev.nines.store.StoreFixtures.measured;
import static dev.nines.store.StoreFixtures.passed;
import static dev.nines.store.StoreFixtures.run;
import static dev.nines.store.StoreFixtures.runOf;
import static dev.nines.store.StoreFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.NinesException;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.run.RunResult;
import dev.nines.spec.StoreSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Opening, sharing, transactions and retention, the same on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class NinesStoreLifecycleIT {
  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  StoreSpec spec;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void freshDatabase() {
    spec = database.freshStore(folder);
  }

  @Test
  void migrations_apply_once_and_reopening_the_store_runs_none_again() throws SQLException {
    RunResult result = runOf(T0, passed("orders", "row_count", 5, T0));
    try (NinesStore store = NinesStore.open(spec)) {
      store.save(result, List.of("nines.yml"));
    }
    List<String> migrated = appliedMigrations();

    try (NinesStore reopened = NinesStore.open(spec)) {
      assertThat(appliedMigrations()).isEqualTo(migrated);
      assertThat(reopened.runs(10)).extracting(RunSummary::runId).containsExactly(result.runId());
    }
    assertThat(migrated).anyMatch(row -> row.startsWith("1 create check history true "));
    assertThat(migrated).allMatch(row -> row.contains(" true "));
  }

  @Test
  void a_store_opens_in_a_database_that_already_holds_other_tables() throws SQLException {
    execute("CREATE TABLE their_orders (id INTEGER)");

    try (NinesStore store = NinesStore.open(spec)) {
      store.save(runOf(T0, passed("orders", "row_count", 5, T0)), List.of());
      assertThat(store.runs(10)).hasSize(1);
    }
    assertThat(count("their_orders")).isZero();
  }

  @Test
  void a_failed_save_leaves_nothing_of_the_run() throws SQLException {
    SchemaSnapshot withoutTime = schema("orders", null, "id");
    RunResult result =
        run(
            T0,
            List.of(passed("orders", "row_count", 5, T0), passed("orders", "row_count", 6, T0)),
            List.of(measured("orders", "row_count", "row_count", 5, T0)),
            List.of(schema("customers", T0, "id"), withoutTime));

    try (NinesStore store = NinesStore.open(spec)) {
      assertThatThrownBy(() -> store.save(result, List.of("nines.yml")))
          .isInstanceOf(NinesException.class)
          .hasMessageStartingWith("The Nines store at " + spec.url())
          .hasMessageContaining("could not save run " + result.runId())
          .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("taken_at"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

      assertThat(store.runs(10)).isEmpty();
      assertThat(store.runObservations(result.runId())).isEmpty();
      assertThat(store.recent("orders", "row_count", 10)).isEmpty();
      assertThat(store.latestSchema("customers")).isEmpty();
    }
    for (String table : List.of("check_run", "observation", "measurement", "schema_snapshot")) {
      assertThat(count(table)).as(table).isZero();
    }
  }

  @Test
  void saving_the_same_run_twice_is_refused_and_the_first_copy_stays() {
    RunResult result = runOf(T0, passed("orders", "row_count", 5, T0));
    try (NinesStore store = NinesStore.open(spec)) {
      store.save(result, List.of());

      assertThatThrownBy(() -> store.save(result, List.of()))
          .isInstanceOf(NinesException.class)
          .hasMessageContaining("could not save run " + result.runId());
      assertThat(store.runObservations(result.runId()))
          .containsExactly(asStored(result.observations().get(0)));
    }
  }

  @Test
  void two_stores_open_on_the_same_database_see_each_others_runs() {
    RunResult first = runOf(T0, passed("orders", "row_count", 5, T0));
    RunResult second = runOf(at(Duration.ofHours(1)), passed("orders", "row_count", 6, T0));
    try (NinesStore one = NinesStore.open(spec);
        NinesStore two = NinesStore.open(spec)) {
      one.save(first, List.of());
      assertThat(two.runs(10)).extracting(RunSummary::runId).containsExactly(first.runId());

      two.save(second, List.of());
      assertThat(one.runs(10))
          .extracting(RunSummary::runId)
          .containsExactly(second.runId(), first.runId());
    }
  }

  @Test
  void another_process_saves_into_a_store_this_one_holds_open() throws Exception {
    UUID otherRun = UUID.randomUUID();
    try (NinesStore store = NinesStore.open(spec)) {
      store.save(runOf(T0, passed("orders", "row_count", 5, T0)), List.of());

      String output =
          runInAnotherJvm(
              SaveOneRun.class, spec.url(), nullToEmpty(spec.user()), otherRun.toString());

      assertThat(output).contains("runs seen: 2");
      assertThat(store.runs(10)).extracting(RunSummary::runId).contains(otherRun);
    }
  }

  @Test
  void delete_older_than_forgets_old_runs_but_keeps_each_datasets_newest_schema() {
    RunResult old =
        run(
            T0,
            List.of(passed("orders", "row_count", 5, T0), passed("customers", "row_count", 2, T0)),
            List.of(measured("orders", "row_count", "row_count", 5, T0)),
            List.of(schema("orders", T0, "id"), schema("customers", T0, "id")));
    Observation recentObservation = passed("orders", "row_count", 6, at(Duration.ofDays(2)));
    Measurement recentMeasurement =
        measured("orders", "row_count", "row_count", 6, at(Duration.ofDays(2)));
    SchemaSnapshot recentSchema = schema("orders", at(Duration.ofDays(2)), "id", "amount");
    RunResult recent =
        run(
            at(Duration.ofDays(2)),
            List.of(recentObservation),
            List.of(recentMeasurement),
            List.of(recentSchema));
    try (NinesStore store = NinesStore.open(spec)) {
      store.save(old, List.of());
      store.save(recent, List.of());

      DeletedHistory deleted = store.deleteOlderThan(at(Duration.ofDays(1)));

      assertThat(deleted).isEqualTo(new DeletedHistory(1, 2, 1, 1));
      assertThat(store.runs(10)).extracting(RunSummary::runId).containsExactly(recent.runId());
      assertThat(store.observations("orders", null, null, 10))
          .containsExactly(asStored(recentObservation));
      assertThat(store.recent("orders", "row_count", 10))
          .containsExactly(asStored(recentMeasurement));
      assertThat(store.latestSchema("orders")).contains(asStored(recentSchema));
      assertThat(store.latestSchema("customers")).contains(asStored(schema("customers", T0, "id")));
      assertThat(store.deleteOlderThan(at(Duration.ofDays(1))))
          .isEqualTo(new DeletedHistory(0, 0, 0, 0));
    }
  }

  @Test
  void a_store_database_that_does_not_exist_is_reported_with_its_url() {
    StoreSpec missing = database.missingStore(folder);

    assertThatThrownBy(() -> NinesStore.open(missing))
        .isInstanceOf(NinesException.class)
        .hasMessageStartingWith("Cannot open the Nines store at " + missing.url() + ": ")
        .hasMessageContaining(database.missingStoreReason())
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
  }

  private List<String> appliedMigrations() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT \"version\", \"description\", \"success\", \"installed_on\""
                    + " FROM \"nines_schema_history\" ORDER BY \"installed_rank\"")) {
      while (result.next()) {
        rows.add(
            result.getString(1)
                + " "
                + result.getString(2).toLowerCase(java.util.Locale.ROOT)
                + " "
                + result.getBoolean(3)
                + " "
                + result.getTimestamp(4).toInstant());
      }
    }
    return rows;
  }

  private long count(String table) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(spec.url(), nullToEmpty(spec.user()), "");
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String runInAnotherJvm(Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("other JVM finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
