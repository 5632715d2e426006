package dev.nines.server.schedule;

import static dev.nines.server.schedule.ScheduleFixture.await;
import static dev.nines.server.schedule.ScheduleFixture.dataset;
import static dev.nines.server.schedule.ScheduleFixture.finished;
import static dev.nines.server.schedule.ScheduleFixture.source;
import static dev.nines.server.schedule.ScheduleFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.server.schedule.ScheduleFixture.Tick;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One scheduler on an H2 store: runs on its own, per-source limits, reschedule, restart. */
class CheckSchedulerIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path folder;
  NinesStore store;
  String sourceUrl;

  @BeforeEach
  void openStore() {
    store = NinesStore.open(new StoreSpec("jdbc:h2:file:" + folder.resolve("store"), null, null));
    sourceUrl = ScheduleFixture.sourceUrl();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void a_dataset_every_second_gets_its_checks_run_and_stored_again_and_again() {
    Spec spec = spec(folder, source("shop", sourceUrl, 2), dataset("orders", "shop", "every: 1s"));

    try (CheckScheduler scheduler = start(spec, settings("solo"))) {
      await(WAIT, "three scheduled runs", () -> finished(store.dataSource(), "orders") >= 3);
    }

    List<Tick> ticks = ScheduleFixture.finishedTicks(store.dataSource());
    Duration offset = DatasetSchedule.of(spec.datasets().get("orders")).orElseThrow().offset();
    assertThat(ticks).allSatisfy(tick -> assertThat(tick.claimedBy()).isEqualTo("solo"));
    assertThat(ticks)
        .extracting(tick -> (tick.scheduledAtMillis() - offset.toMillis()) % 1000)
        .containsOnly(0L);
    assertThat(ticks.stream().map(Tick::runId).toList())
        .doesNotContainNull()
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(ScheduleFixture.checkRuns(store.dataSource()));
    List<Observation> observations = store.observations("orders", null, null, 100);
    assertThat(observations).hasSizeGreaterThanOrEqualTo(3);
    assertThat(observations)
        .allSatisfy(
            observation -> {
              assertThat(observation.check()).isEqualTo("row_count");
              assertThat(observation.status()).isEqualTo(Status.PASS);
            });
  }

  @Test
  void no_more_datasets_of_one_source_run_at_once_than_its_max_connections() {
    Spec spec =
        spec(
            folder,
            source("big", sourceUrl, 2) + source("small", sourceUrl, 1),
            dataset("big_1", "big", "every: 1s"),
            dataset("big_2", "big", "every: 1s"),
            dataset("big_3", "big", "every: 1s"),
            dataset("big_4", "big", "every: 1s"),
            dataset("small_1", "small", "every: 1s"),
            dataset("small_2", "small", "every: 1s"));
    ConcurrencyProbe probe =
        new ConcurrencyProbe(name -> name.substring(0, name.indexOf('_')), Duration.ofMillis(400));

    try (CheckScheduler scheduler = start(spec, settings("solo").withListener(probe))) {
      await(WAIT, "two runs of every dataset", () -> everyDatasetRan(spec, 2));
    }

    assertThat(probe.highest("big")).isEqualTo(2);
    assertThat(probe.highest("small")).isEqualTo(1);
  }

  @Test
  void datasets_waiting_for_a_busy_source_do_not_hold_up_other_sources() {
    Spec spec =
        spec(
            folder,
            source("busy", sourceUrl, 1) + source("quiet", sourceUrl, 1),
            dataset("busy_1", "busy", "every: 1s"),
            dataset("busy_2", "busy", "every: 1s"),
            dataset("busy_3", "busy", "every: 1s"),
            dataset("busy_4", "busy", "every: 1s"),
            dataset("quiet_1", "quiet", "every: 1s"));
    ConcurrencyProbe probe =
        new ConcurrencyProbe(name -> name.substring(0, name.indexOf('_')), Duration.ofMillis(900));

    // Two threads: were waiting for the busy source blocking, busy datasets would take both.
    try (CheckScheduler scheduler =
        start(spec, settings("solo").withThreads(2).withListener(probe))) {
      await(
          Duration.ofSeconds(8),
          "three runs of quiet_1",
          () -> finished(store.dataSource(), "quiet_1") >= 3);
    }

    assertThat(probe.highest("busy")).isEqualTo(1);
    assertThat(
            finished(store.dataSource(), "busy_1")
                + finished(store.dataSource(), "busy_2")
                + finished(store.dataSource(), "busy_3")
                + finished(store.dataSource(), "busy_4"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void reschedule_adds_new_datasets_and_drops_removed_ones() {
    String sources = source("shop", sourceUrl, 2);
    Spec before = spec(folder, sources, dataset("orders", "shop", "every: 1s"));
    Spec after =
        spec(
            folder,
            sources,
            dataset("customers", "shop", "every: 1s"),
            dataset("unscheduled", "shop", null));

    try (CheckScheduler scheduler = start(before, settings("solo"))) {
      await(WAIT, "a run of orders", () -> finished(store.dataSource(), "orders") >= 1);
      scheduler.reschedule(after);
      assertThat(scheduler.scheduled()).containsOnlyKeys("customers");
      long ordersAfterReschedule = finished(store.dataSource(), "orders");
      await(WAIT, "two runs of customers", () -> finished(store.dataSource(), "customers") >= 2);

      // At most the run of orders that was already going when the spec changed.
      assertThat(finished(store.dataSource(), "orders"))
          .isLessThanOrEqualTo(ordersAfterReschedule + 1);
      assertThat(finished(store.dataSource(), "unscheduled")).isZero();
    }
  }

  @Test
  void a_changed_interval_moves_the_next_tick_and_the_schedule_survives_a_restart() {
    Clock clock = Clock.systemUTC();
    String sources = source("shop", sourceUrl, 2);
    Spec hourly = spec(folder, sources, dataset("orders", "shop", "every: 1h"));
    Spec daily = spec(folder, sources, dataset("orders", "shop", "cron: \"0 3 * * *\""));
    DatasetSchedule dailySchedule =
        DatasetSchedule.of(daily.datasets().get("orders")).orElseThrow();

    Instant hourlyTick;
    try (CheckScheduler scheduler = start(hourly, settings("first"))) {
      hourlyTick = scheduler.scheduled().get("orders");
      assertThat(hourlyTick)
          .isEqualTo(
              DatasetSchedule.of(hourly.datasets().get("orders"))
                  .orElseThrow()
                  .nextAfter(clock.instant().minusSeconds(5)))
          .isAfter(clock.instant());
      scheduler.reschedule(daily);
      assertThat(scheduler.scheduled().get("orders"))
          .isEqualTo(dailySchedule.nextAfter(clock.instant()));
    }

    try (CheckScheduler restarted = start(daily, settings("second"))) {
      assertThat(restarted.scheduled())
          .containsEntry("orders", dailySchedule.nextAfter(clock.instant()));
    }
  }

  private boolean everyDatasetRan(Spec spec, int times) {
    return spec.datasets().keySet().stream()
        .allMatch(name -> finished(store.dataSource(), name) >= times);
  }

  private CheckScheduler start(Spec spec, ScheduleSettings settings) {
    return CheckScheduler.start(store, spec, Clock.systemUTC(), settings);
  }

  static ScheduleSettings settings(String replica) {
    return ScheduleSettings.defaults()
        .withReplica(replica)
        .withPollingInterval(Duration.ofMillis(100));
  }
}
