package dev.nines.server.schedule;

import static dev.nines.server.schedule.ScheduleFixture.await;
import static dev.nines.server.schedule.ScheduleFixture.dataset;
import static dev.nines.server.schedule.ScheduleFixture.source;
import static dev.nines.server.schedule.ScheduleFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.server.schedule.ScheduleFixture.Tick;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown lets running datasets finish; a dead replica's tick is run again only if unsaved. */
class RecoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path folder;
  NinesStore store;
  Spec hourly;
  Instant pastTick;

  @BeforeEach
  void scheduleHourlyDataset() {
    store = NinesStore.open(new StoreSpec("jdbc:h2:file:" + folder.resolve("store"), null, null));
    hourly =
        spec(
            folder,
            source("shop", ScheduleFixture.sourceUrl(), 2),
            dataset("orders", "shop", "every: 1h"));
    pastTick =
        DatasetSchedule.of(hourly.datasets().get("orders"))
            .orElseThrow()
            .nextAfter(Instant.now().minus(Duration.ofHours(3)));
    // Leaves the dataset's row in the shared schedule, due in the next hour.
    CheckScheduler.start(store, hourly, Clock.systemUTC(), settings("first")).close();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void a_tick_left_running_by_a_dead_replica_is_run_again_once() throws Exception {
    deadReplicaWasRunning(pastTick, false);

    try (CheckScheduler survivor = start("survivor")) {
      await(WAIT, "the dead replica's tick done", () -> tickOf(pastTick) != null);
      await(WAIT, "the next tick scheduled", () -> nextTickIsInTheFuture(survivor));
      assertThat(survivor.evaluations()).isEqualTo(1);
    }

    Tick tick = tickOf(pastTick);
    assertThat(tick.claimedBy()).isEqualTo("survivor");
    assertThat(tick.attempts()).isEqualTo(2);
    assertThat(ScheduleFixture.checkRuns(store.dataSource())).containsExactly(tick.runId());
  }

  @Test
  void a_tick_whose_run_was_saved_before_its_replica_died_is_not_run_again() throws Exception {
    deadReplicaWasRunning(pastTick, true);

    try (CheckScheduler survivor = start("survivor")) {
      await(WAIT, "the next tick scheduled", () -> nextTickIsInTheFuture(survivor));
      assertThat(survivor.evaluations()).isEqualTo(1);
    }

    assertThat(ScheduleFixture.checkRuns(store.dataSource())).isEmpty();
    assertThat(tickOf(pastTick).claimedBy()).isEqualTo("ghost");
  }

  @Test
  void closing_waits_for_running_datasets_to_finish_and_save() {
    Spec everySecond =
        spec(
            folder,
            source("shop", ScheduleFixture.sourceUrl(), 2),
            dataset("orders", "shop", "every: 1s"));
    ConcurrencyProbe probe = new ConcurrencyProbe(name -> "all", Duration.ofMillis(1500));
    CheckScheduler scheduler =
        CheckScheduler.start(
            store, everySecond, Clock.systemUTC(), settings("solo").withListener(probe));
    await(WAIT, "a run under way", () -> probe.starts() >= 1);

    scheduler.close();

    assertThat(ScheduleFixture.finishedTicks(store.dataSource())).hasSize(probe.starts());
    assertThat(ScheduleFixture.checkRuns(store.dataSource())).hasSize(probe.starts());
  }

  private CheckScheduler start(String replica) {
    return CheckScheduler.start(
        store,
        hourly,
        Clock.systemUTC(),
        settings(replica).withHeartbeatInterval(Duration.ofMillis(100)));
  }

  private boolean nextTickIsInTheFuture(CheckScheduler scheduler) {
    Instant next = scheduler.scheduled().get("orders");
    return next != null && next.isAfter(Instant.now());
  }

  private Tick tickOf(Instant scheduledAt) {
    List<Tick> ticks = ScheduleFixture.finishedTicks(store.dataSource());
    return ticks.stream()
        .filter(tick -> tick.scheduledAtMillis() == scheduledAt.toEpochMilli())
        .findFirst()
        .orElse(null);
  }

  /** The state a replica leaves when it dies running {@code tick}: picked, heartbeat gone stale. */
  private void deadReplicaWasRunning(Instant tick, boolean runSaved) throws SQLException {
    OffsetDateTime longAgo = utc(Instant.now().minus(Duration.ofHours(1)));
    try (Connection connection = store.dataSource().getConnection();
        PreparedStatement picked =
            connection.prepareStatement(
                "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'ghost', last_heartbeat = ?,"
                    + " execution_time = ? WHERE task_name = ? AND task_instance = 'orders'");
        PreparedStatement claimed =
            connection.prepareStatement(
                "INSERT INTO scheduled_check"
                    + " (dataset, scheduled_at, claimed_by, claimed_at, attempts, run_id, finished_at)"
                    + " VALUES ('orders', ?, 'ghost', ?, 1, ?, ?)")) {
      picked.setObject(1, longAgo);
      picked.setObject(2, utc(tick));
      picked.setString(3, CheckScheduler.TASK);
      assertThat(picked.executeUpdate()).isEqualTo(1);
      claimed.setObject(1, utc(tick));
      claimed.setObject(2, longAgo);
      claimed.setObject(3, runSaved ? UUID.randomUUID() : null);
      claimed.setObject(4, runSaved ? longAgo : null);
      claimed.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static ScheduleSettings settings(String replica) {
    return CheckSchedulerIT.settings(replica);
  }
}
