package dev.nines.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.server.schedule.ScheduleFixture.Tick;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledCheckLogIT {
  private static final Instant TICK = Instant.parse("2026-03-01T12:00:00.123Z");

  @TempDir Path folder;
  NinesStore store;
  ScheduledCheckLog log;

  @BeforeEach
  void openStore() {
    store = NinesStore.open(new StoreSpec("jdbc:h2:file:" + folder.resolve("store"), null, null));
    log = new ScheduledCheckLog(store.dataSource());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void an_unfinished_tick_is_claimed_again_and_a_finished_one_is_done() throws Exception {
    assertThat(log.claim("orders", TICK, "a", TICK)).isEqualTo(ScheduledCheckLog.Claim.CLAIMED);
    assertThat(log.claim("orders", TICK, "b", TICK.plusSeconds(60)))
        .isEqualTo(ScheduledCheckLog.Claim.CLAIMED);
    UUID run = UUID.randomUUID();
    log.finish("orders", TICK, run, TICK.plusSeconds(61));

    assertThat(log.claim("orders", TICK, "c", TICK.plusSeconds(120)))
        .isEqualTo(ScheduledCheckLog.Claim.ALREADY_DONE);
    assertThat(ScheduleFixture.finishedTicks(store.dataSource()))
        .containsExactly(new Tick("orders", TICK.toEpochMilli(), "b", run, 2));
  }

  @Test
  void ticks_of_other_datasets_or_times_are_claimed_separately() throws Exception {
    log.claim("orders", TICK, "a", TICK);
    log.finish("orders", TICK, UUID.randomUUID(), TICK);

    assertThat(log.claim("customers", TICK, "a", TICK)).isEqualTo(ScheduledCheckLog.Claim.CLAIMED);
    assertThat(log.claim("orders", TICK.plusMillis(1), "a", TICK))
        .isEqualTo(ScheduledCheckLog.Claim.CLAIMED);
  }

  @Test
  void old_ticks_are_forgotten() throws Exception {
    for (Instant tick : new Instant[] {TICK, TICK.plusSeconds(3600)}) {
      log.claim("orders", tick, "a", tick);
      log.finish("orders", tick, UUID.randomUUID(), tick);
    }

    assertThat(log.deleteBefore(TICK.plusSeconds(1))).isEqualTo(1);

    assertThat(ScheduleFixture.finishedTicks(store.dataSource()))
        .extracting(Tick::scheduledAtMillis)
        .containsExactly(TICK.plusSeconds(3600).toEpochMilli());
  }
}
