package dev.nines.bench;

import dev.nines.check.CheckType;
import dev.nines.check.CheckTypes;
import dev.nines.run.CheckRunner;
import dev.nines.run.History;
import dev.nines.run.RunListener;
import dev.nines.run.RunRequest;
import dev.nines.run.RunResult;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Problems;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scan-sharing benchmark: on a generated table, times one {@code select count(*)} full scan,
 * one Nines check run of 40 checks, and the same 40 checks sent one query each, and reports the
 * ratios. Checks of types the engine does not register are left out, and the report says so.
 */
public final class ScanSharingBenchmark {
  static final String DATASET = "orders";

  private final BenchOptions options;
  private final PrintStream progress;

  public ScanSharingBenchmark(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs the benchmark from the command line; see {@link BenchOptions#usage()}. */
  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      if (!e.getMessage().startsWith("usage:")) {
        System.err.println(BenchOptions.usage());
      }
      System.exit(2);
      return;
    }
    try {
      MachineInfo machine = MachineInfo.current();
      List<BenchResult> results = new ScanSharingBenchmark(options, System.err).measure();
      String report = MarkdownReport.render(machine, options, results);
      System.out.println(report);
      if (options.record() != null) {
        for (BenchResult result : results) {
          MarkdownReport.record(options.record(), result.database(), machine, options, result);
        }
        System.err.println("recorded in " + options.record());
      }
    } catch (RuntimeException | IOException e) {
      System.err.println("benchmark failed: " + describe(e));
      System.exit(1);
    }
  }

  /** Measures every database the options name, one after the other. */
  public List<BenchResult> measure() {
    List<BenchResult> results = new ArrayList<>();
    for (String name : options.databases()) {
      progress.printf("%s: starting%n", name);
      try (BenchDatabase database =
          name.equals("postgres") ? PostgresBench.start() : DuckDbBench.start()) {
        results.add(measure(database));
      } catch (SQLException e) {
        throw new IllegalStateException(name + ": " + e.getMessage(), e);
      }
    }
    return results;
  }

  private BenchResult measure(BenchDatabase database) throws SQLException {
    CheckTypes types = CheckTypes.builtIn();
    List<String> missingTypes =
        BenchChecks.all(database).stream()
            .map(BenchCheck::type)
            .filter(type -> types.find(type).isEmpty())
            .distinct()
            .toList();
    if (!missingTypes.isEmpty()) {
      progress.printf(
          "%s: WARNING the engine registers no check type %s; those checks are left out%n",
          database.name(), String.join(", ", missingTypes));
    }
    List<BenchCheck> checks =
        BenchChecks.all(database).stream()
            .filter(check -> !missingTypes.contains(check.type()))
            .toList();
    List<BenchCheck> singlePass = checks.stream().filter(BenchCheck::singlePass).toList();
    Spec spec = spec(database.source(), checks);
    List<String> checkedColumns = OrdersTable.checkedColumns(checks);
    String checkedRead = OrdersTable.checkedColumnsRead(checkedColumns);
    progress.printf("%s: generating %,d rows%n", database.name(), options.rows());
    long loadStart = System.nanoTime();
    try (Connection writer = database.connect()) {
      OrdersTable.create(database, writer, options.rows());
    }
    Duration loadTime = Duration.ofNanos(System.nanoTime() - loadStart);
    progress.printf("%s: table ready in %.1f s%n", database.name(), seconds(loadTime));
    try (Connection connection = database.connectForReading();
        CheckRunner runner = runner(spec);
        CheckRunner singlePassRunner = runner(spec(database.source(), singlePass))) {
      Map<Measure, List<Duration>> timings = new EnumMap<>(Measure.class);
      RunResult lastRun = null;
      RunResult lastSinglePassRun = null;
      List<BenchResult.NaiveTiming> naiveChecks = List.of();
      // Repetition 0 is the warm-up. The measurements are interleaved so that load from other
      // processes on the machine spreads over all of them alike.
      for (int repetition = 0; repetition <= options.repeat(); repetition++) {
        Map<Measure, Duration> round = new EnumMap<>(Measure.class);
        round.put(Measure.COUNT_SCAN, time(() -> single(connection, OrdersTable.countScan())));
        round.put(Measure.FULL_READ, time(() -> single(connection, OrdersTable.fullRead())));
        round.put(Measure.CHECKED_READ, time(() -> single(connection, checkedRead)));
        long ninesStart = System.nanoTime();
        lastRun = runner.run(RunRequest.ALL);
        round.put(Measure.NINES, Duration.ofNanos(System.nanoTime() - ninesStart));
        long singlePassStart = System.nanoTime();
        lastSinglePassRun = singlePassRunner.run(RunRequest.ALL);
        round.put(Measure.NINES_SINGLE_PASS, Duration.ofNanos(System.nanoTime() - singlePassStart));
        naiveChecks = naive(connection, checks);
        round.put(Measure.NAIVE, total(naiveChecks, name -> true));
        List<String> singlePassNames = singlePass.stream().map(BenchCheck::name).toList();
        round.put(Measure.NAIVE_SINGLE_PASS, total(naiveChecks, singlePassNames::contains));
        progress.printf(
            "%s: %s %s%n",
            database.name(),
            repetition == 0 ? "warm-up" : "run " + repetition + "/" + options.repeat(),
            String.join(
                ", ",
                round.entrySet().stream()
                    .map(
                        entry ->
                            String.format(
                                "%s %.2f s", entry.getKey().label(), seconds(entry.getValue())))
                    .toList()));
        if (repetition > 0) {
          round.forEach(
              (measure, time) ->
                  timings.computeIfAbsent(measure, m -> new ArrayList<>()).add(time));
        }
      }
      Map<Measure, Samples> samples = new EnumMap<>(Measure.class);
      timings.forEach((measure, times) -> samples.put(measure, new Samples(times)));
      return new BenchResult(
          database.name(),
          options.rows(),
          loadTime,
          samples,
          checks.size(),
          singlePass.size(),
          missingTypes,
          lastRun,
          naiveChecks,
          runner.explain(RunRequest.ALL),
          planNotes(
              database,
              connection,
              orderedMap("all checks", lastRun, "single-pass checks", lastSinglePassRun)),
          database.settings(connection),
          database.cacheNote(connection, OrdersTable.NAME),
          checkedColumns,
          options.diagnose()
              ? new QueryDiagnosis(database, progress)
                  .measure(connection, List.copyOf(BenchResult.sentSql(lastRun)), options.repeat())
              : List.of());
    }
  }

  /** How the database plans each query the two Nines runs actually sent. */
  private static List<String> planNotes(
      BenchDatabase database, Connection connection, Map<String, RunResult> lastRuns)
      throws SQLException {
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, RunResult> entry : lastRuns.entrySet()) {
      for (String sql : BenchResult.sentSql(entry.getValue())) {
        long served =
            entry.getValue().observations().stream()
                .filter(observation -> observation.queries().contains(sql))
                .count();
        String summary = database.planSummary(connection, sql);
        if (summary != null) {
          notes.add(entry.getKey() + ", the query serving " + served + " checks: " + summary);
        }
      }
    }
    return notes;
  }

  private static <V> Map<String, V> orderedMap(
      String firstKey, V first, String secondKey, V second) {
    Map<String, V> map = new java.util.LinkedHashMap<>();
    map.put(firstKey, first);
    map.put(secondKey, second);
    return map;
  }

  private static CheckRunner runner(Spec spec) {
    return new CheckRunner(spec, History.EMPTY, Clock.systemUTC(), RunListener.NONE);
  }

  private static Duration total(
      List<BenchResult.NaiveTiming> timings, java.util.function.Predicate<String> included) {
    return timings.stream()
        .filter(timing -> included.test(timing.check()))
        .map(BenchResult.NaiveTiming::elapsed)
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** The spec a user would write for these checks, built directly; validated like a loaded one. */
  static Spec spec(SourceSpec source, List<BenchCheck> checks) {
    List<CheckSpec> checkSpecs = new ArrayList<>();
    for (int index = 0; index < checks.size(); index++) {
      checkSpecs.add(checks.get(index).toSpec(DATASET, index));
    }
    validate(checkSpecs);
    DatasetSpec dataset =
        new DatasetSpec(
            DATASET,
            source.name(),
            OrdersTable.NAME,
            null,
            null,
            "bench",
            List.of("benchmark"),
            "generated orders table of the scan-sharing benchmark",
            null,
            null,
            null,
            checkSpecs,
            null);
    return new Spec(
        Map.of(source.name(), source),
        Map.of(DATASET, dataset),
        StoreSpec.DEFAULT,
        Map.of(),
        List.of());
  }

  private static void validate(List<CheckSpec> checks) {
    CheckTypes types = CheckTypes.builtIn();
    Problems problems = new Problems();
    for (CheckSpec check : checks) {
      Optional<CheckType> type = types.find(check.type());
      if (type.isEmpty()) {
        problems.add(
            check.location(),
            check.field(),
            "check type '" + check.type() + "' is not registered",
            "the check engine registers it in CheckTypes.builtIn()");
      } else {
        type.get().validate(check, problems);
      }
    }
    problems.throwIfAny();
  }

  private static void single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      result.getObject(1);
    }
  }

  /** The checks the way a hand-written script runs them: one query each, in turn. */
  static List<BenchResult.NaiveTiming> naive(Connection connection, List<BenchCheck> checks)
      throws SQLException {
    List<BenchResult.NaiveTiming> timings = new ArrayList<>();
    for (BenchCheck check : checks) {
      long start = System.nanoTime();
      Object value;
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(check.naiveSql())) {
        result.next();
        value = result.getObject(1);
      } catch (SQLException e) {
        throw new SQLException(
            "naive query of " + check.name() + " failed: " + e.getMessage(), e.getSQLState(), e);
      }
      timings.add(
          new BenchResult.NaiveTiming(
              check.name(), Duration.ofNanos(System.nanoTime() - start), value));
    }
    return timings;
  }

  private interface Action {
    void run() throws SQLException;
  }

  private static Duration time(Action action) throws SQLException {
    long start = System.nanoTime();
    action.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(" (").append(cause.getMessage()).append(")");
      }
    }
    return text.toString();
  }
}
