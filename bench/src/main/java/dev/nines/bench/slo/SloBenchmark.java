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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluation passes over N SLOs, each with 30 days of minute-level SLI data already aggregated in
 * the store (hour buckets for 33 days, minute buckets for the last 7 hours, as passes leave them):
 * the first pass of a process loads every SLO's buckets; each later pass folds in one new
 * observation per SLO and evaluates all of them. Usage: {@code bench/run slo [--slos
 * 1000,2500,5000,10000] [--passes 5]}.
 */
public final class SloBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

  private SloBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(1_000, 2_500, 5_000, 10_000);
    int passes = 5;
    for (int index = 0; index < args.length; index++) {
      switch (args[index]) {
        case "--slos" ->
            sizes =
                java.util.Arrays.stream(args[++index].split(",")).map(Integer::valueOf).toList();
        case "--passes" -> passes = Integer.parseInt(args[++index]);
        default -> throw new IllegalArgumentException("unknown option " + args[index]);
      }
    }
    System.out.println("## SLO evaluation passes (H2 file store)");
    System.out.println();
    System.out.println("Machine: " + MachineInfo.current().line());
    System.out.println();
    System.out.println(
        "| SLOs | bucket rows | seed (s) | first pass: load + evaluate (ms) | later pass: fold"
            + " N new observations + evaluate, median (ms) | per SLO (µs) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (int size : sizes) {
      measure(size, passes);
    }
  }

  private static void measure(int size, int passes) throws Exception {
    Path folder = Files.createTempDirectory("nines-slo-bench");
    StoreSpec storeSpec =
        new StoreSpec("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), null, null);
    Map<String, SloSpec> slos = slos(size);
    try (NinesStore store = NinesStore.open(storeSpec)) {
      long seedStart = System.nanoTime();
      long rows = seed(store, slos);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      SloPass pass = new SloPass(store);
      long firstStart = System.nanoTime();
      pass.run(slos, NOW);
      long firstMillis = (System.nanoTime() - firstStart) / 1_000_000;
      List<Long> later = new ArrayList<>();
      for (int minute = 1; minute <= passes; minute++) {
        Instant at = NOW.plus(Duration.ofMinutes(minute));
        store.save(newMinute(size, at), List.of());
        long start = System.nanoTime();
        pass.run(slos, at.plusSeconds(30));
        later.add((System.nanoTime() - start) / 1_000_000);
      }
      long median = later.stream().sorted().toList().get(later.size() / 2);
      System.out.printf(
          Locale.ROOT,
          "| %,d | %,d | %.1f | %,d | %,d (all: %s) | %.0f |%n",
          size,
          rows,
          seedSeconds,
          firstMillis,
          median,
          later,
          median * 1000.0 / size);
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

  /**
   * One observation a minute for 30 days per SLO, as the buckets a pass keeps (one bad minute every
   * 8 hours), generated inside the database: the SLOs are slo_0 … slo_{N−1}, all with the same
   * fingerprint shape.
   */
  private static long seed(NinesStore store, Map<String, SloSpec> slos) throws SQLException {
    long nowMinute = NOW.getEpochSecond() / 60;
    long nowHour = NOW.getEpochSecond() / 3600;
    long firstHour = nowHour - 33 * 24;
    long firstMinute = nowMinute - 7 * 60;
    int size = slos.size();
    long rows = 0;
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      rows +=
          statement.executeUpdate(
              "INSERT INTO slo_bucket (slo_name, width_seconds, bucket_number, good, bad, no_data)"
                  + " SELECT 'slo_' || s.X, 3600, h.X, CASE WHEN MOD(h.X, 8) = 0 THEN 59 ELSE 60"
                  + " END, CASE WHEN MOD(h.X, 8) = 0 THEN 1 ELSE 0 END, 0 FROM SYSTEM_RANGE(0, "
                  + (size - 1)
                  + ") s CROSS JOIN SYSTEM_RANGE("
                  + firstHour
                  + ", "
                  + (nowHour - 1)
                  + ") h");
      rows +=
          statement.executeUpdate(
              "INSERT INTO slo_bucket (slo_name, width_seconds, bucket_number, good, bad, no_data)"
                  + " SELECT 'slo_' || s.X, 60, m.X, 1, 0, 0 FROM SYSTEM_RANGE(0, "
                  + (size - 1)
                  + ") s CROSS JOIN SYSTEM_RANGE("
                  + firstMinute
                  + ", "
                  + (nowMinute - 1)
                  + ") m");
      try (PreparedStatement aggregates =
          connection.prepareStatement(
              "INSERT INTO slo_aggregate (slo_name, fingerprint, built_at) VALUES (?, ?, ?)")) {
        for (SloSpec slo : slos.values()) {
          aggregates.setString(1, slo.name());
          aggregates.setString(2, SloPass.fingerprint(slo));
          aggregates.setObject(3, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
          aggregates.addBatch();
        }
        aggregates.executeBatch();
      }
    }
    return rows;
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
