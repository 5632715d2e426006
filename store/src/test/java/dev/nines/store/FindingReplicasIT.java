package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.StoreSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas of the pipeline watcher on one PostgreSQL reach the same conclusions at the same time:
 * each new conclusion under a key is stored exactly once, whichever replica wins.
 */
class FindingReplicasIT {
  static final EmbeddedPostgresDatabase DATABASE = new EmbeddedPostgresDatabase();
  static final Instant T0 = Instant.parse("2026-03-01T02:15:00Z");
  static final int REPLICAS = 2;
  static final int THREADS_PER_REPLICA = 3;
  static final int KEYS = 40;

  @TempDir Path folder;

  @AfterAll
  static void stopDatabase() {
    DATABASE.close();
  }

  @Test
  void each_new_conclusion_is_stored_once_when_replicas_race_for_it() throws Exception {
    StoreSpec spec = DATABASE.freshStore(folder);
    List<NinesStore> replicas = new ArrayList<>();
    int threads = REPLICAS * THREADS_PER_REPLICA;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int i = 0; i < REPLICAS; i++) {
        replicas.add(NinesStore.open(spec));
      }
      for (int key = 0; key < KEYS; key++) {
        String findingKey = "load_orders/missed/slot-" + key;
        // A first conclusion, then a changed one: both are new under the key once.
        for (Status status : List.of(Status.FAIL, Status.PASS)) {
          Observation observation = observation(findingKey, status);
          CyclicBarrier start = new CyclicBarrier(threads);
          List<Future<Boolean>> saved = new ArrayList<>();
          for (int thread = 0; thread < threads; thread++) {
            NinesStore replica = replicas.get(thread % REPLICAS);
            saved.add(
                pool.submit(
                    () -> {
                      start.await();
                      return replica.recordFinding(findingKey, null, observation, T0);
                    }));
          }
          int winners = 0;
          for (Future<Boolean> result : saved) {
            winners += result.get() ? 1 : 0;
          }
          assertThat(winners).as("%s %s saved by", findingKey, status).isEqualTo(1);
        }
      }
      assertThat(replicas.get(0).observations("load_orders", null, null, 1_000, 0))
          .hasSize(2 * KEYS);
    } finally {
      pool.shutdownNow();
      replicas.forEach(NinesStore::close);
    }
  }

  private static Observation observation(String key, Status status) {
    return new Observation(
        "load_orders",
        "missed",
        "pipeline",
        status,
        Kind.SYSTEM,
        null,
        null,
        null,
        key + (status == Status.FAIL ? ": no run started" : ": a run started"),
        List.of(),
        List.of(),
        T0,
        null);
  }
}
