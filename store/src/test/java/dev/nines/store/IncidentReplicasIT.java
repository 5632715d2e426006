package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentManager;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.StoreSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas processing the same observations on one PostgreSQL store take turns. */
class IncidentReplicasIT {
  static final EmbeddedPostgresDatabase DATABASE = new EmbeddedPostgresDatabase();
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @TempDir Path folder;

  @AfterAll
  static void stop() {
    DATABASE.close();
  }

  @Test
  void two_replicas_processing_the_same_observations_open_each_incident_once() throws Exception {
    Path file = folder.resolve("nines.yml");
    Files.writeString(
        file,
        """
        sources: { w: { url: "jdbc:postgresql://db/x" } }
        datasets: { orders: { source: w, table: orders } }
        """);
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    StoreSpec storeSpec = DATABASE.freshStore(folder);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (NinesStore writer = NinesStore.open(storeSpec);
        NinesStore replicaA = NinesStore.open(storeSpec);
        NinesStore replicaB = NinesStore.open(storeSpec)) {
      IncidentManager manager = new IncidentManager(spec, Clock.systemUTC());
      replicaA.incidents().process(manager);
      for (int run = 0; run < 20; run++) {
        List<Observation> observations = new ArrayList<>();
        for (int check = 0; check < 30; check++) {
          observations.add(failure("check_" + check, T0.plusSeconds(run)));
        }
        writer.save(StoreFixtures.run(T0, observations, List.of(), List.of()), List.of());
      }

      List<Future<Integer>> done = new ArrayList<>();
      for (NinesStore replica : List.of(replicaA, replicaB)) {
        Callable<Integer> work = () -> replica.incidents().process(manager);
        done.add(threads.submit(work));
      }
      int processed = 0;
      for (Future<Integer> future : done) {
        processed += future.get();
      }

      assertThat(processed).isEqualTo(600);
      List<Incident> incidents = replicaA.incidents().list(IncidentQuery.ALL, 100, 0);
      assertThat(incidents).hasSize(30);
      assertThat(incidents).allSatisfy(i -> assertThat(i.observationCount()).isEqualTo(20));
      for (Incident incident : incidents) {
        assertThat(replicaB.incidents().timeline(incident.id()))
            .extracting(TimelineEntry::kind)
            .containsExactly(TimelineKind.OPENED);
        assertThat(replicaB.incidents().observations(incident.id(), 100)).hasSize(20);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static Observation failure(String check, Instant at) {
    return new Observation(
        "orders",
        check,
        "sql",
        Status.FAIL,
        Kind.DATA,
        null,
        1.0,
        null,
        "bad rows",
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }
}
