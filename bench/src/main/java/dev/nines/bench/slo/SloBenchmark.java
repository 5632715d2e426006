package dev.nines.bench.slo;

import dev.nines.bench.MachineInfo;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.run.RunResult;
import dev.nines.slo.Objective;
import dev.nines.slo.RollingWindow;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import dev.nines.store.slo.SloPass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluation passes over N SLOs, each with 30 days of minute-level SLI data already aggregated in
 * the store (hour buckets for 33 days, minute buckets for the last 7 hours, as passes leave them),
 * on H2 and on PostgreSQL: the first pass of a process loads every SLO's buckets; each later pass
 * folds in one new observation per SLO and evaluates all of them. Two baselines measured in the
 * same run make the times comparable on a busy machine: one plain SELECT of every bucket row, and
 * an idle pass (nothing new). Usage: {@code bench/run slo [--slos 1000,2500,5000,10000] [--passes
 * 5] [--db h2|postgres|all]}.
 */
public final class SloBenchmark {
  static final String HEADER =
      "| SLOs | bucket rows | seed (s) | read all buckets, one SELECT (ms) | first pass (ms) |"
          + " first ÷ read | idle pass, median (ms) | later pass, median (ms) | later ÷ idle |"
          + " later ÷ read | later per SLO (µs) | load after |\n"
          + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

  private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

  private SloBenchmark() {}

  public static void main(String[] args) {
    SloOptions options;
    try {
      options = SloOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(SloOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      run(options);
    } catch (Exception e) {
      System.err.println("SLO benchmark failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(SloOptions options) throws Exception {
    List<Integer> sizes = options.sizes();
    int passes = options.passes();
    System.out.println("## SLO evaluation passes");
    System.out.println();
    System.out.println("Machine: " + MachineInfo.current().line());
    for (String database : options.databases()) {
      try (SloStoreTarget target = SloStoreTarget.of(database)) {
        System.out.println();
        System.out.println("### " + target.describe());
        System.out.println();
        System.out.println("Load average before: " + loadAverage());
        System.out.println();
        System.out.println(HEADER);
        List<SloSizeResult> results = new ArrayList<>();
        List<String> diagnosis = new ArrayList<>();
        for (int size : sizes) {
          SloSizeResult result = measure(target, size, passes, diagnosis);
          results.add(result);
          System.out.println(result.row());
        }
        System.out.println();
        for (SloSizeResult result : results) {
          System.out.println("- " + result.detail());
        }
        if (!diagnosis.isEmpty()) {
          System.out.println();
          System.out.println("```");
          diagnosis.forEach(System.out::println);
          System.out.println("```");
        }
        System.out.println();
        System.out.println("Load average after: " + loadAverage());
      }
    }
  }

  private static SloSizeResult measure(
      SloStoreTarget target, int size, int passes, List<String> diagnosis) throws Exception {
    StoreSpec storeSpec = target.freshStore();
    Map<String, SloSpec> slos = slos(size);
    try (NinesStore store = NinesStore.open(storeSpec)) {
      long seedStart = System.nanoTime();
      long rows = SloSeed.seed(store, slos, target, NOW);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      List<Long> reads = new ArrayList<>();
      reads.add(readAllBuckets(store, rows));
      SloPass pass = new SloPass(store);
      long firstMillis = millis(() -> pass.run(slos, NOW));
      List<Long> later = new ArrayList<>();
      List<Long> idle = new ArrayList<>();
      for (int minute = 1; minute <= passes; minute++) {
        Instant at = NOW.plus(Duration.ofMinutes(minute));
        store.save(newMinute(size, at), List.of());
        later.add(millis(() -> pass.run(slos, at.plusSeconds(30))));
        // same minute, nothing new: no bucket to add to or forget
        idle.add(millis(() -> pass.run(slos, at.plusSeconds(40))));
      }
      reads.add(readAllBuckets(store, rows));
      try (Connection connection = store.dataSource().getConnection()) {
        target.diagnose(connection).forEach(line -> diagnosis.add(size + " SLOs: " + line));
      }
      return new SloSizeResult(
          size, rows, seedSeconds, reads, firstMillis, later, idle, loadAverage());
    }
  }

  /** Reads every bucket row once with one streamed SELECT, as a pass's first load reads them. */
  private static long readAllBuckets(NinesStore store, long expectedRows) throws SQLException {
    long start = System.nanoTime();
    long rows = 0;
    long good = 0;
    try (Connection connection = store.dataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // PostgreSQL streams only inside a transaction
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(10_000);
        try (ResultSet result =
            statement.executeQuery(
                "SELECT slo_name, width_seconds, bucket_number, good, bad, no_data"
                    + " FROM slo_bucket")) {
          while (result.next()) {
            result.getString(1);
            good += result.getLong(4) + result.getLong(5) + result.getLong(6);
            rows++;
          }
        }
        connection.commit();
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
    if (rows < expectedRows || good <= 0) {
      throw new IllegalStateException("read " + rows + " bucket rows, seeded " + expectedRows);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long millis(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return String.join(" ", Arrays.asList(parts).subList(0, Math.min(3, parts.length)));
    } catch (IOException e) {
      return "unknown";
    }
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
              new SliSpec.CheckResults("ds_" + index, "check", true),
              Objective.parse("99.5%"),
              new RollingWindow(Duration.ofDays(30)),
              null,
              null,
              null,
              null));
    }
    return slos;
  }

  private static RunResult newMinute(int size, Instant at) {
    List<Observation> observations = new ArrayList<>(size);
    for (int index = 0; index < size; index++) {
      observations.add(
          new Observation(
              "ds_" + index,
              "check",
              "sql",
              index % 97 == 0 ? Status.FAIL : Status.PASS,
              Kind.DATA,
              null,
              0.0,
              null,
              "bench",
              List.of(),
              List.of(),
              at,
              Duration.ZERO));
    }
    return new RunResult(UUID.randomUUID(), at, at, observations, List.of(), List.of());
  }
}
