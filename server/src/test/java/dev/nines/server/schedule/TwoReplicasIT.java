package dev.nines.server.schedule;

import static dev.nines.server.schedule.ScheduleFixture.await;
import static dev.nines.server.schedule.ScheduleFixture.dataset;
import static dev.nines.server.schedule.ScheduleFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.server.schedule.ScheduleFixture.Tick;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers, each with its own store pool, on one PostgreSQL database: each tick of each
 * dataset is evaluated by exactly one of them, and one carries on alone when the other stops.
 */
class TwoReplicasIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> DATASETS = List.of("d1", "d2", "d3", "d4", "d5", "d6");

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void every_tick_is_evaluated_exactly_once_and_both_replicas_share_the_work() throws Exception {
    StoreSpec database = freshDatabase();
    Spec spec = spec();
    ConcurrencyProbe probe = new ConcurrencyProbe(name -> "all", Duration.ofMillis(50));

    try (NinesStore storeA = NinesStore.open(database);
        NinesStore storeB = NinesStore.open(database)) {
      long executions;
      try (CheckScheduler a = start(storeA, spec, "replica-a", probe);
          CheckScheduler b = start(storeB, spec, "replica-b", probe)) {
        await(WAIT, "four runs of every dataset", () -> everyDatasetRan(storeA, 4));
        a.close();
        b.close();
        executions = a.evaluations() + b.evaluations();
      }

      List<Tick> ticks = ScheduleFixture.finishedTicks(storeA.dataSource());
      List<UUID> runs = ScheduleFixture.checkRuns(storeA.dataSource());
      // Each tick was picked by one replica, ran once, saved one run, and that run is the one
      // logged for it.
      assertThat(executions).isEqualTo(ticks.size());
      assertThat(probe.starts()).isEqualTo(runs.size()).isEqualTo(ticks.size());
      assertThat(ticks.stream().map(Tick::runId).toList())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(runs);
      assertThat(ticks).extracting(Tick::attempts).containsOnly(1);
      assertThat(ticks).extracting(Tick::claimedBy).contains("replica-a", "replica-b");
      for (String dataset : DATASETS) {
        long offset =
            DatasetSchedule.of(spec.datasets().get(dataset)).orElseThrow().offset().toMillis();
        assertThat(ticks.stream().filter(tick -> tick.dataset().equals(dataset)))
            .extracting(tick -> (tick.scheduledAtMillis() - offset) % 1000)
            .containsOnly(0L);
      }
    }
  }

  @Test
  void when_one_replica_stops_the_other_takes_over_its_datasets() throws Exception {
    StoreSpec database = freshDatabase();
    Spec spec = spec();
    ConcurrencyProbe probe = new ConcurrencyProbe(name -> "all", Duration.ofMillis(20));

    try (NinesStore storeA = NinesStore.open(database);
        NinesStore storeB = NinesStore.open(database);
        CheckScheduler b = start(storeB, spec, "replica-b", probe)) {
      Instant stopped;
      try (CheckScheduler a = start(storeA, spec, "replica-a", probe)) {
        await(WAIT, "replica-a at work", () -> claimedBy(storeA).containsKey("replica-a"));
      }
      stopped = Instant.now();
      long ranByA = claimedBy(storeA).get("replica-a");

      await(
          WAIT,
          "two runs of every dataset after replica-a stopped",
          () -> everyDatasetRanAfter(storeB, stopped, 2));

      assertThat(claimedBy(storeB)).containsEntry("replica-a", ranByA);
      assertThat(ScheduleFixture.finishedTicks(storeB.dataSource()))
          .filteredOn(tick -> tick.scheduledAtMillis() > stopped.toEpochMilli())
          .extracting(Tick::claimedBy)
          .containsOnly("replica-b");
    }
  }

  private static Spec spec() {
    String sources = source("warehouse", ScheduleFixture.sourceUrl(), 4);
    return ScheduleFixture.spec(
        tempFolder(),
        sources,
        DATASETS.stream()
            .map(name -> dataset(name, "warehouse", "every: 1s"))
            .toArray(String[]::new));
  }

  private static Path tempFolder() {
    try {
      return java.nio.file.Files.createTempDirectory("nines-replicas");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static CheckScheduler start(
      NinesStore store, Spec spec, String replica, ConcurrencyProbe probe) {
    return CheckScheduler.start(
        store, spec, Clock.systemUTC(), CheckSchedulerIT.settings(replica).withListener(probe));
  }

  private static boolean everyDatasetRan(NinesStore store, int times) {
    return DATASETS.stream()
        .allMatch(name -> ScheduleFixture.finished(store.dataSource(), name) >= times);
  }

  private static boolean everyDatasetRanAfter(NinesStore store, Instant after, int times) {
    Map<String, Long> counts =
        ScheduleFixture.finishedTicks(store.dataSource()).stream()
            .filter(tick -> tick.scheduledAtMillis() > after.toEpochMilli())
            .collect(Collectors.groupingBy(Tick::dataset, Collectors.counting()));
    return DATASETS.stream().allMatch(name -> counts.getOrDefault(name, 0L) >= times);
  }

  private static Map<String, Long> claimedBy(NinesStore store) {
    return ScheduleFixture.finishedTicks(store.dataSource()).stream()
        .collect(Collectors.groupingBy(Tick::claimedBy, Collectors.counting()));
  }

  /** A database of its own for each test, so their schedules do not mix. */
  private static StoreSpec freshDatabase() throws Exception {
    String name = "nines_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new StoreSpec(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", null);
  }
}
