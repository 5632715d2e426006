package dev.nines.bench.ingest;

import dev.nines.bench.MachineInfo;
import dev.nines.server.NinesServer;
import dev.nines.server.ServerOptions;
import dev.nines.store.LineageCommitStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The OpenLineage ingestion benchmark: a real {@link NinesServer} on a random port over an H2 file
 * store and over an embedded durable PostgreSQL, fed by concurrent HTTP clients one event per
 * request and 100 per batch request, next to plain JDBC batch inserts of the same rows.
 *
 * <p>Usage: {@code bench/run ingest [--events N] [--clients C] [--db h2|postgres|all]}
 */
public final class IngestBenchmark {
  private final IngestOptions options;
  private final PrintStream out;
  private long seed = 1;

  public IngestBenchmark(IngestOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    IngestOptions options;
    try {
      options = IngestOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(IngestOptions.USAGE);
      System.exit(2);
      return;
    }
    new IngestBenchmark(options, System.out).run();
    // Embedded servers leave non-daemon threads behind.
    System.exit(0);
  }

  /** Runs every selected database and prints the Markdown report; returns its rows. */
  public List<IngestRow> run() {
    out.println("Machine: " + MachineInfo.current().line());
    out.println();
    List<IngestRow> rows = new ArrayList<>();
    for (String db : options.databases()) {
      rows.addAll(runOn(db));
    }
    out.println();
    out.println(IngestRow.HEADER);
    rows.forEach(row -> out.println(row.markdown()));
    out.println();
    out.println("Load average at the end: " + loadAverage());
    return rows;
  }

  private List<IngestRow> runOn(String db) {
    Path folder = temporaryFolder();
    try (StoreTarget target =
            db.equals("postgres") ? StoreTarget.postgres() : StoreTarget.h2(folder);
        NinesServer server = startServer(folder, target)) {
      out.println("- " + db + ": " + target.durability());
      String url = "http://127.0.0.1:" + server.port();
      HttpLoad load = new HttpLoad(options.clients());
      JdbcBaseline baseline = new JdbcBaseline(target, options.clients());
      int warmup = Math.max(200, options.events() / 10);
      load.single(url, events(warmup));
      load.batch(url, events(warmup), options.batchSize());
      baseline.write(events(warmup), 1);
      baseline.write(events(warmup), options.batchSize());

      LoadResult baseSingle = baseline.write(events(options.events()), 1);
      LineageCommitStats beforeSingle = server.lineageCommitStats();
      LoadResult single = load.single(url, events(options.events()));
      LineageCommitStats afterSingle = server.lineageCommitStats();
      LoadResult baseBatch = baseline.write(events(options.events()), options.batchSize());
      LoadResult batch = load.batch(url, events(options.events()), options.batchSize());
      LineageCommitStats afterBatch = server.lineageCommitStats();
      verifyRuns(target, 2 * (warmup + options.events()));
      out.println("  group commit, single POSTs: " + groups(beforeSingle, afterSingle));
      out.println("  group commit, batch POSTs: " + groups(afterSingle, afterBatch));
      return List.of(
          new IngestRow(
              db, "single event per POST", options.clients(), single, baseSingle, 2_000, 50),
          new IngestRow(
              db,
              options.batchSize() + " events per batch POST",
              options.clients(),
              batch,
              baseBatch,
              20_000,
              Double.NaN));
    } finally {
      deleteQuietly(folder);
    }
  }

  /**
   * Every run sent over HTTP must be stored once per event and derived COMPLETE from its two
   * events: a faster ingestion path that loses this is wrong, not fast.
   */
  private void verifyRuns(StoreTarget target, int eventsSent) {
    try (Connection connection = target.connect();
        Statement statement = connection.createStatement()) {
      long stored =
          count(statement, "SELECT COUNT(*) FROM lineage_event WHERE producer <> 'bench'");
      long wrong =
          count(
              statement,
              """
              SELECT COUNT(*) FROM pipeline_run
              WHERE run_id IN (SELECT run_id FROM lineage_event WHERE producer <> 'bench')
                AND (state <> 'COMPLETE' OR event_count <> 2 OR duration_ms IS NULL
                     OR rows_written IS NULL)
              """);
      if (stored != eventsSent || wrong != 0) {
        throw new IllegalStateException(
            String.format(
                "%s: %d events sent, %d stored, %d runs not derived COMPLETE from 2 events",
                target.name(), eventsSent, stored, wrong));
      }
      out.printf("  verified: %,d events stored, every run COMPLETE from its 2 events%n", stored);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot verify the stored runs: " + e.getMessage(), e);
    }
  }

  /** How many commits the writers made between two readings, and how many events each held. */
  private static String groups(LineageCommitStats before, LineageCommitStats after) {
    long commits = after.groups() - before.groups();
    long events = after.events() - before.events();
    return String.format(
        "%,d events in %,d commits, %.1f events per commit",
        events, commits, commits == 0 ? 0.0 : (double) events / commits);
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private List<BenchEvent> events(int count) {
    return BenchEvents.startCompletePairs(count, seed++);
  }

  private static NinesServer startServer(Path folder, StoreTarget target) {
    Path spec = folder.resolve("nines.yml");
    String yaml =
        target.storeYaml()
            + """
            pipelines:
              bench_task_0:
                job: { namespace: airflow-bench, name: bench_dag.task_0 }
                schedule: "0 2 * * *"
                max_duration: 30m
            server:
              watch_every: 1h
            """;
    try {
      Files.writeString(spec, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return NinesServer.start(
        new ServerOptions(List.of(spec), "127.0.0.1", 0, null, Map.of(), null));
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("nines-ingest-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is not worth failing the report for.
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
