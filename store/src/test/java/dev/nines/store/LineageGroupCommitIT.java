package dev.nines.store;

import static dev.nines.store.PipelineRunStoreIT.T0;
import static dev.nines.store.PipelineRunStoreIT.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.NinesException;
import dev.nines.spec.StoreSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
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
  StoreSpec spec;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() {
    spec = database.freshStore(folder);
    store = NinesStore.open(spec);
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

  @Test
  void requests_arriving_while_a_commit_is_in_flight_are_written_together_in_one_group()
      throws Exception {
    UUID runId = UUID.randomUUID();
    store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0);
    LineageCommitStats before = store.lineageCommitStats();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try (Connection blocker = lockRun(runId)) {
      // The writer takes this one and waits on the run's lock: its commit is "in flight".
      Thread first =
          new Thread(
              () ->
                  store.ingest(
                      event(runId, "RUNNING", T0.plusSeconds(1), null, null),
                      LineageFacts.NONE,
                      T0));
      first.start();
      awaitCondition(
          () ->
              first.getState() == Thread.State.WAITING
                  && store.lineageCommitStats().waiting() == 0);
      List<Future<IngestOutcome>> queued = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Instant time = T0.plusSeconds(10 + i);
        queued.add(
            pool.submit(
                () ->
                    store.ingest(
                        event(runId, "RUNNING", time, null, null), LineageFacts.NONE, T0)));
      }
      awaitCondition(() -> store.lineageCommitStats().waiting() == 10);
      blocker.commit();
      first.join();
      for (Future<IngestOutcome> each : queued) {
        assertThat(each.get()).isEqualTo(IngestOutcome.STORED);
      }
    } finally {
      pool.shutdown();
    }

    LineageCommitStats after = store.lineageCommitStats();
    assertThat(after.groups() - before.groups()).isEqualTo(2);
    assertThat(after.events() - before.events()).isEqualTo(11);
    assertThat(after.largestGroup()).isEqualTo(10);
    assertThat(store.pipelineRun(runId).orElseThrow().eventCount()).isEqualTo(12);
  }

  @Test
  void a_batch_waiting_for_the_writer_is_committed_on_its_own_and_singles_behind_it_together()
      throws Exception {
    UUID runId = UUID.randomUUID();
    store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0);
    LineageCommitStats before = store.lineageCommitStats();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<List<IngestOutcome>>> answers = new ArrayList<>();
    try (Connection blocker = lockRun(runId)) {
      Thread first =
          new Thread(
              () ->
                  store.ingest(
                      event(runId, "RUNNING", T0.plusSeconds(1), null, null),
                      LineageFacts.NONE,
                      T0));
      first.start();
      awaitCondition(
          () ->
              first.getState() == Thread.State.WAITING
                  && store.lineageCommitStats().waiting() == 0);
      // Queued in this order: two batches of 5 events, then 3 single events.
      int second = 10;
      for (int batch = 0; batch < 2; batch++) {
        List<LineageIngest> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          items.add(
              new LineageIngest(
                  event(runId, "RUNNING", T0.plusSeconds(second++), null, null),
                  LineageFacts.NONE));
        }
        answers.add(pool.submit(() -> store.ingestAll(items, T0)));
        int expected = 5 * (batch + 1);
        awaitCondition(() -> store.lineageCommitStats().waiting() == expected);
      }
      for (int single = 0; single < 3; single++) {
        Instant time = T0.plusSeconds(second++);
        answers.add(
            pool.submit(
                () ->
                    List.of(
                        store.ingest(
                            event(runId, "RUNNING", time, null, null), LineageFacts.NONE, T0))));
        int expected = 10 + single + 1;
        awaitCondition(() -> store.lineageCommitStats().waiting() == expected);
      }
      blocker.commit();
      first.join();
      for (Future<List<IngestOutcome>> answer : answers) {
        assertThat(answer.get()).containsOnly(IngestOutcome.STORED);
      }
    } finally {
      pool.shutdown();
    }

    LineageCommitStats after = store.lineageCommitStats();
    // The blocked single, each batch alone, the three singles together.
    assertThat(after.groups() - before.groups()).isEqualTo(4);
    assertThat(after.events() - before.events()).isEqualTo(14);
    assertThat(store.pipelineRun(runId).orElseThrow().eventCount()).isEqualTo(15);
  }

  @Test
  void a_full_queue_refuses_a_request_with_store_busy_and_stores_nothing_of_it() throws Exception {
    UUID runId = UUID.randomUUID();
    store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0);
    // Same run, so same writer lane as the queued events: the lane's queue is the one that is full.
    UUID refusedRun = runId;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Connection blocker = lockRun(runId)) {
      Thread first =
          new Thread(
              () ->
                  store.ingest(
                      event(runId, "RUNNING", T0.plusSeconds(1), null, null),
                      LineageFacts.NONE,
                      T0));
      first.start();
      awaitCondition(
          () ->
              first.getState() == Thread.State.WAITING
                  && store.lineageCommitStats().waiting() == 0);
      List<LineageIngest> many = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        many.add(
            new LineageIngest(
                event(runId, "RUNNING", T0.plusSeconds(100 + i), null, null), LineageFacts.NONE));
      }
      Future<List<IngestOutcome>> full = pool.submit(() -> store.ingestAll(many, T0));
      awaitCondition(() -> store.lineageCommitStats().waiting() == 10_000);

      LineageEventRecord refused = event(refusedRun, "COMPLETE", T0.plusSeconds(99_999), null, 1L);
      assertThatThrownBy(() -> store.ingest(refused, LineageFacts.NONE, T0))
          .isInstanceOf(StoreBusy.class)
          .hasMessageContaining("10000 lineage events are waiting")
          .satisfies(e -> assertThat(((StoreBusy) e).retryAfter()).isPositive());

      blocker.commit();
      first.join();
      assertThat(full.get()).hasSize(10_000).containsOnly(IngestOutcome.STORED);
    } finally {
      pool.shutdown();
    }
    PipelineRunRecord run = store.pipelineRun(runId).orElseThrow();
    assertThat(run.eventCount()).isEqualTo(10_002);
    assertThat(run.state()).isEqualTo(PipelineRunState.RUNNING);
  }

  /** A second connection holding the run's row lock until it commits. */
  private Connection lockRun(UUID runId) throws Exception {
    Connection connection = DriverManager.getConnection(spec.url(), spec.user(), spec.password());
    connection.setAutoCommit(false);
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT run_id FROM pipeline_run WHERE run_id = ? FOR UPDATE")) {
      lock.setObject(1, runId);
      try (ResultSet rows = lock.executeQuery()) {
        assertThat(rows.next()).isTrue();
      }
    }
    return connection;
  }

  /** Waits for a state the test brings about; a minute without it fails the test. */
  private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as("waited a minute for the test's condition")
          .isLessThan(deadline);
      Thread.sleep(5);
    }
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
