package dev.nines.store;

import static dev.nines.store.PipelineRunStoreIT.T0;
import static dev.nines.store.PipelineRunStoreIT.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.NinesException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Events of concurrent callers committed together keep every guarantee of one-by-one writes. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class LineageGroupCommitIT {
  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  NinesStore store;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() {
    store = NinesStore.open(database.freshStore(folder));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void many_callers_at_once_each_get_their_outcome_and_every_run_is_derived_from_all_events()
      throws Exception {
    List<UUID> runs = new ArrayList<>();
    List<Callable<IngestOutcome>> calls = new ArrayList<>();
    UUID shared = UUID.randomUUID();
    for (int i = 0; i < 40; i++) {
      UUID runId = UUID.randomUUID();
      runs.add(runId);
      // The COMPLETE sometimes arrives first: the state must not depend on it.
      calls.add(
          () ->
              store.ingest(
                  event(runId, "COMPLETE", T0.plusSeconds(60), null, 7L), LineageFacts.NONE, T0));
      calls.add(() -> store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0));
      calls.add(() -> store.ingest(event(shared, "START", T0, null, null), LineageFacts.NONE, T0));
    }

    List<IngestOutcome> outcomes = runAll(calls);

    assertThat(outcomes.stream().filter(o -> o == IngestOutcome.STORED)).hasSize(81);
    assertThat(outcomes.stream().filter(o -> o == IngestOutcome.DUPLICATE)).hasSize(39);
    for (UUID runId : runs) {
      PipelineRunRecord run = store.pipelineRun(runId).orElseThrow();
      assertThat(run.state()).isEqualTo(PipelineRunState.COMPLETE);
      assertThat(run.eventCount()).isEqualTo(2);
      assertThat(run.rowsWritten()).isEqualTo(7L);
      assertThat(run.duration()).hasSeconds(60);
    }
    assertThat(store.pipelineRun(shared).orElseThrow().eventCount()).isEqualTo(1);
  }

  @Test
  void an_event_the_database_refuses_fails_its_own_caller_only() throws Exception {
    List<Callable<IngestOutcome>> calls = new ArrayList<>();
    List<UUID> runs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      UUID runId = UUID.randomUUID();
      runs.add(runId);
      calls.add(() -> store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0));
    }
    UUID badRun = UUID.randomUUID();
    // An event type longer than its column: only the database refuses it.
    LineageEventRecord bad = event(badRun, "X".repeat(40), T0, null, null);
    calls.add(
        10,
        () -> {
          assertThatThrownBy(() -> store.ingest(bad, LineageFacts.NONE, T0))
              .isInstanceOf(NinesException.class);
          return null;
        });

    List<IngestOutcome> outcomes = runAll(calls);

    assertThat(outcomes.stream().filter(o -> o == IngestOutcome.STORED)).hasSize(20);
    runs.forEach(runId -> assertThat(store.pipelineRun(runId)).isPresent());
    assertThat(store.pipelineRun(badRun)).isEmpty();
  }

  private static List<IngestOutcome> runAll(List<Callable<IngestOutcome>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<IngestOutcome>> futures = pool.invokeAll(calls);
      List<IngestOutcome> outcomes = new ArrayList<>();
      for (Future<IngestOutcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdown();
    }
  }
}
