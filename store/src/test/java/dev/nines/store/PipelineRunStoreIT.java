package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

/** Lineage events saved and pipeline runs derived from them, the same on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class PipelineRunStoreIT {
  static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

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
  void a_started_then_completed_run_has_its_duration_and_rows() {
    UUID runId = UUID.randomUUID();
    store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0);
    store.ingest(event(runId, "COMPLETE", T0.plusSeconds(90), null, 42L), LineageFacts.NONE, T0);

    PipelineRunRecord run = store.pipelineRun(runId).orElseThrow();

    assertThat(run.state()).isEqualTo(PipelineRunState.COMPLETE);
    assertThat(run.jobNamespace()).isEqualTo("airflow");
    assertThat(run.jobName()).isEqualTo("orders_dag.load");
    assertThat(run.startedAt()).isEqualTo(T0);
    assertThat(run.endedAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(run.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(run.rowsWritten()).isEqualTo(42L);
    assertThat(run.eventCount()).isEqualTo(2);
  }

  @Test
  void a_completion_arriving_before_its_start_still_ends_the_run() {
    UUID runId = UUID.randomUUID();
    store.ingest(event(runId, "COMPLETE", T0.plusSeconds(60), null, null), LineageFacts.NONE, T0);
    store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0);
    store.ingest(event(runId, "RUNNING", T0.plusSeconds(30), null, null), LineageFacts.NONE, T0);

    PipelineRunRecord run = store.pipelineRun(runId).orElseThrow();

    assertThat(run.state()).isEqualTo(PipelineRunState.COMPLETE);
    assertThat(run.duration()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void events_arriving_one_by_one_then_late_give_the_run_all_of_them_say() {
    UUID runId = UUID.randomUUID();
    store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0);
    store.ingest(
        event(runId, "RUNNING", T0.plusSeconds(10), "slow source", 5L), LineageFacts.NONE, T0);
    store.ingest(event(runId, "FAIL", T0.plusSeconds(20), null, null), LineageFacts.NONE, T0);

    PipelineRunRecord inOrder = store.pipelineRun(runId).orElseThrow();
    assertThat(inOrder.state()).isEqualTo(PipelineRunState.FAIL);
    assertThat(inOrder.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(inOrder.errorMessage()).isEqualTo("slow source");
    assertThat(inOrder.stackTrace()).isEqualTo("trace of slow source");
    assertThat(inOrder.rowsWritten()).isEqualTo(5L);
    assertThat(inOrder.eventCount()).isEqualTo(3);

    store.ingest(event(runId, "START", T0.minusSeconds(5), null, null), LineageFacts.NONE, T0);
    store.ingest(
        event(runId, "OTHER", T0.plusSeconds(30), "cleanup failed", 7L), LineageFacts.NONE, T0);

    PipelineRunRecord late = store.pipelineRun(runId).orElseThrow();
    assertThat(late.state()).isEqualTo(PipelineRunState.FAIL);
    assertThat(late.startedAt()).isEqualTo(T0.minusSeconds(5));
    assertThat(late.endedAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(late.duration()).isEqualTo(Duration.ofSeconds(25));
    assertThat(late.errorMessage()).isEqualTo("cleanup failed");
    assertThat(late.rowsWritten()).isEqualTo(7L);
    assertThat(late.eventCount()).isEqualTo(5);
    assertThat(late.lastEventAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void the_same_event_twice_is_stored_once() {
    UUID runId = UUID.randomUUID();
    LineageEventRecord start = event(runId, "START", T0, null, null);

    assertThat(store.ingest(start, LineageFacts.NONE, T0)).isEqualTo(IngestOutcome.STORED);
    assertThat(store.ingest(start, LineageFacts.NONE, T0)).isEqualTo(IngestOutcome.DUPLICATE);
    assertThat(store.pipelineRun(runId).orElseThrow().eventCount()).isEqualTo(1);
  }

  @Test
  void a_failed_run_keeps_its_error_message_and_stack_trace() {
    UUID runId = UUID.randomUUID();
    store.ingest(event(runId, "START", T0, null, null), LineageFacts.NONE, T0);
    store.ingest(
        event(runId, "FAIL", T0.plusSeconds(5), "division by zero", null), LineageFacts.NONE, T0);

    PipelineRunRecord run = store.pipelineRun(runId).orElseThrow();

    assertThat(run.state()).isEqualTo(PipelineRunState.FAIL);
    assertThat(run.errorMessage()).isEqualTo("division by zero");
    assertThat(run.stackTrace()).isEqualTo("trace of division by zero");
  }

  @Test
  void facts_of_an_event_are_saved_with_it_and_feed_the_history() {
    UUID runId = UUID.randomUUID();
    Instant end = T0.plusSeconds(60);
    Measurement rows = new Measurement("orders", "openlineage", "row_count", 1200, end);
    Observation assertion =
        new Observation(
            "orders",
            "not_null_id",
            "openlineage_assertion",
            Status.FAIL,
            Kind.DATA,
            null,
            null,
            null,
            "assertion not_null_id failed",
            List.of(),
            List.of(),
            end,
            null);

    store.ingest(
        event(runId, "COMPLETE", end, null, 1200L),
        new LineageFacts(List.of(rows), List.of(assertion), List.of()),
        end);

    assertThat(store.latest("orders", "openlineage", "row_count")).contains(rows);
    assertThat(store.observations(null, Status.FAIL, T0, 10, 0)).containsExactly(assertion);
    assertThat(store.observedDatasets()).containsExactly("orders");
  }

  @Test
  void runs_of_a_job_come_newest_first_a_page_at_a_time() {
    for (int i = 0; i < 5; i++) {
      store.ingest(
          event(UUID.randomUUID(), "START", T0.plusSeconds(i * 3600L), null, null),
          LineageFacts.NONE,
          T0);
    }

    List<PipelineRunRecord> page =
        store.pipelineRuns(List.of(new JobRef("airflow", "orders_dag.load")), 2, 1);
    List<PipelineRunRecord> anyNamespace =
        store.pipelineRuns(List.of(new JobRef(null, "orders_dag.load")), 10, 0);

    assertThat(page)
        .extracting(PipelineRunRecord::startedAt)
        .containsExactly(T0.plusSeconds(3 * 3600L), T0.plusSeconds(2 * 3600L));
    assertThat(anyNamespace).hasSize(5);
    assertThat(store.pipelineRuns(List.of(new JobRef("other", "orders_dag.load")), 10, 0))
        .isEmpty();
    assertThat(store.jobsSeen())
        .containsExactly(new JobSeen("airflow", "orders_dag.load", 5, T0.plusSeconds(4 * 3600L)));
  }

  @Test
  void concurrent_first_events_of_one_run_all_count() throws Exception {
    UUID runId = UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<IngestOutcome>> outcomes =
          Stream.of("START", "RUNNING", "OTHER", "COMPLETE")
              .map(
                  type ->
                      pool.submit(
                          () ->
                              store.ingest(
                                  event(runId, type, T0.plusSeconds(type.length()), null, null),
                                  LineageFacts.NONE,
                                  T0)))
              .toList();
      for (Future<IngestOutcome> outcome : outcomes) {
        assertThat(outcome.get()).isEqualTo(IngestOutcome.STORED);
      }
    } finally {
      pool.shutdown();
    }

    PipelineRunRecord run = store.pipelineRun(runId).orElseThrow();
    assertThat(run.eventCount()).isEqualTo(4);
    assertThat(run.state()).isEqualTo(PipelineRunState.COMPLETE);
  }

  @Test
  void a_finding_is_saved_once_until_its_conclusion_changes() {
    Observation missed =
        new Observation(
            "load_orders",
            "missed",
            "pipeline",
            Status.FAIL,
            Kind.SYSTEM,
            null,
            null,
            null,
            "no run started by 02:15",
            List.of(),
            List.of(),
            T0.plusSeconds(900),
            null);
    Observation passed =
        new Observation(
            "load_orders",
            "missed",
            "pipeline",
            Status.PASS,
            Kind.DATA,
            null,
            null,
            null,
            "a run started at 02:20",
            List.of(),
            List.of(),
            T0.plusSeconds(1200),
            null);
    String key = "load_orders/missed/2026-03-01T02:00:00Z";

    boolean first = store.recordFinding(key, null, missed, T0);
    boolean again = store.recordFinding(key, null, missed, T0);
    boolean changed = store.recordFinding(key, UUID.randomUUID(), passed, T0);

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(changed).isTrue();
    assertThat(store.observations("load_orders", null, null, 10, 0))
        .containsExactly(passed, missed);
  }

  @Test
  void a_batch_is_saved_at_once_with_duplicates_told_apart() {
    UUID runId = UUID.randomUUID();
    LineageEventRecord start = event(runId, "START", T0, null, null);
    store.ingest(start, LineageFacts.NONE, T0);
    LineageEventRecord complete = event(runId, "COMPLETE", T0.plusSeconds(30), null, 9L);
    UUID otherRun = UUID.randomUUID();

    List<IngestOutcome> outcomes =
        store.ingestAll(
            List.of(
                new LineageIngest(start, null),
                new LineageIngest(complete, null),
                new LineageIngest(complete, null),
                new LineageIngest(event(otherRun, "START", T0, null, null), null)),
            T0);

    assertThat(outcomes)
        .containsExactly(
            IngestOutcome.DUPLICATE,
            IngestOutcome.STORED,
            IngestOutcome.DUPLICATE,
            IngestOutcome.STORED);
    PipelineRunRecord run = store.pipelineRun(runId).orElseThrow();
    assertThat(run.state()).isEqualTo(PipelineRunState.COMPLETE);
    assertThat(run.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(run.eventCount()).isEqualTo(2);
    assertThat(store.pipelineRun(otherRun).orElseThrow().state())
        .isEqualTo(PipelineRunState.RUNNING);
  }

  @Test
  void a_batch_larger_than_one_statement_is_saved_whole_then_seen_as_duplicates() {
    List<LineageIngest> batch = new java.util.ArrayList<>();
    // More events than one PostgreSQL statement can bind (65,535 parameters, 16 per event).
    for (int i = 0; i < 4_200; i++) {
      batch.add(new LineageIngest(event(UUID.randomUUID(), "START", T0, null, null), null));
    }

    assertThat(store.ingestAll(batch, T0)).hasSize(4_200).containsOnly(IngestOutcome.STORED);
    assertThat(store.ingestAll(batch, T0)).hasSize(4_200).containsOnly(IngestOutcome.DUPLICATE);
    assertThat(store.pipelineRun(batch.get(4_199).event().runId()).orElseThrow().state())
        .isEqualTo(PipelineRunState.RUNNING);
  }

  @Test
  void concurrent_batches_on_the_same_new_run_both_land() throws Exception {
    UUID runId = UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<IngestOutcome>> first =
          pool.submit(
              () ->
                  store.ingestAll(
                      List.of(new LineageIngest(event(runId, "START", T0, null, null), null)), T0));
      Future<List<IngestOutcome>> second =
          pool.submit(
              () ->
                  store.ingestAll(
                      List.of(
                          new LineageIngest(
                              event(runId, "COMPLETE", T0.plusSeconds(5), null, null), null)),
                      T0));
      assertThat(first.get()).containsExactly(IngestOutcome.STORED);
      assertThat(second.get()).containsExactly(IngestOutcome.STORED);
    } finally {
      pool.shutdown();
    }

    assertThat(store.pipelineRun(runId).orElseThrow().eventCount()).isEqualTo(2);
  }

  @Test
  void the_store_is_ready_once_opened() {
    assertThat(store.unreadyReason()).isEmpty();
  }

  static LineageEventRecord event(
      UUID runId, String type, Instant time, String error, Long rowsWritten) {
    return new LineageEventRecord(
        runId + "/" + type + "/" + time,
        LineageEventKind.RUN,
        runId,
        type,
        time,
        "airflow",
        "orders_dag.load",
        null,
        null,
        null,
        error,
        error == null ? null : "trace of " + error,
        rowsWritten,
        "https://example.test/producer",
        "{}");
  }
}
