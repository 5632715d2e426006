package dev.nines.store;

import static dev.nines.store.PipelineRunStoreIT.event;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Retention reaches what pipeline runs left, the same on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class LineageRetentionIT {
  static final Instant NOW = Instant.parse("2026-03-20T00:00:00Z");
  static final Instant CUTOFF = NOW.minus(Duration.ofDays(7));
  static final Instant OLD = NOW.minus(Duration.ofDays(10));

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
  void old_runs_go_with_their_events_and_facts_but_running_and_newest_runs_stay() {
    UUID oldRun = UUID.randomUUID();
    LineageEventRecord oldStart = job("load", event(oldRun, "START", OLD, null, null));
    store.ingest(oldStart, LineageFacts.NONE, OLD);
    store.ingest(
        job("load", event(oldRun, "COMPLETE", OLD.plusSeconds(60), null, 5L)),
        new LineageFacts(
            List.of(new Measurement("orders", "volume_change", "row_count", 5, OLD)),
            List.of(observation("orders", "not_null_id", OLD)),
            List.of()),
        OLD);
    UUID newestOfItsJob = UUID.randomUUID();
    store.ingest(
        job("load", event(newestOfItsJob, "COMPLETE", OLD.plusSeconds(3600), null, 6L)),
        LineageFacts.NONE,
        OLD);
    UUID stillRunning = UUID.randomUUID();
    store.ingest(
        job("export", event(stillRunning, "START", OLD, null, null)), LineageFacts.NONE, OLD);
    UUID newerExport = UUID.randomUUID();
    store.ingest(
        job("export", event(newerExport, "FAIL", OLD.plusSeconds(60), "boom", null)),
        LineageFacts.NONE,
        OLD);
    UUID recent = UUID.randomUUID();
    store.ingest(
        job("report", event(recent, "COMPLETE", NOW.minusSeconds(60), null, 7L)),
        new LineageFacts(
            List.of(new Measurement("orders", "volume_change", "row_count", 7, NOW)),
            List.of(),
            List.of()),
        NOW);
    store.recordFinding("export/missed/old", null, observation("export", "missed", OLD), OLD);
    store.recordFinding("export/missed/new", null, observation("export", "missed", NOW), NOW);

    DeletedHistory deleted = store.deleteOlderThan(CUTOFF);

    assertThat(deleted).isEqualTo(new DeletedHistory(0, 2, 1, 0, 1, 2, 1));
    assertThat(store.pipelineRun(oldRun)).isEmpty();
    assertThat(store.pipelineRun(newestOfItsJob)).isPresent();
    assertThat(store.pipelineRun(stillRunning)).isPresent();
    assertThat(store.pipelineRun(newerExport)).isPresent();
    assertThat(store.pipelineRun(recent)).isPresent();
    assertThat(store.recent("orders", "row_count", 10))
        .extracting(Measurement::value)
        .containsExactly(7.0);
    assertThat(store.observations(null, null, null, 10, 0))
        .extracting(Observation::observedAt)
        .containsExactly(NOW);
    // The old run's events are gone: its START is new again.
    assertThat(store.ingest(oldStart, LineageFacts.NONE, NOW)).isEqualTo(IngestOutcome.STORED);
    // The old finding is forgotten, the recent one still remembered.
    assertThat(
            store.recordFinding(
                "export/missed/new", null, observation("export", "missed", NOW), NOW))
        .isFalse();
    assertThat(store.deleteOlderThan(CUTOFF)).isEqualTo(new DeletedHistory(0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void dataset_events_older_than_the_cutoff_go() {
    LineageEventRecord old =
        LineageEventRecord.ofDataset("postgres://db", "public.orders", OLD, "p", "{}");
    LineageEventRecord recent =
        LineageEventRecord.ofDataset("postgres://db", "public.orders", NOW, "p", "{}");
    store.ingest(old, LineageFacts.NONE, OLD);
    store.ingest(recent, LineageFacts.NONE, NOW);

    assertThat(store.deleteOlderThan(CUTOFF).lineageEvents()).isEqualTo(1);
    assertThat(store.ingest(recent, LineageFacts.NONE, NOW)).isEqualTo(IngestOutcome.DUPLICATE);
    assertThat(store.ingest(old, LineageFacts.NONE, NOW)).isEqualTo(IngestOutcome.STORED);
  }

  private static LineageEventRecord job(String name, LineageEventRecord event) {
    return new LineageEventRecord(
        event.identity(),
        event.kind(),
        event.runId(),
        event.eventType(),
        event.eventTime(),
        event.jobNamespace(),
        name,
        event.parentRunId(),
        event.nominalStart(),
        event.nominalEnd(),
        event.errorMessage(),
        event.stackTrace(),
        event.rowsWritten(),
        event.producer(),
        event.payload());
  }

  private static Observation observation(String dataset, String check, Instant at) {
    return new Observation(
        dataset,
        check,
        "pipeline",
        Status.FAIL,
        Kind.DATA,
        null,
        null,
        null,
        check + " at " + at,
        List.of(),
        List.of(),
        at,
        null);
  }
}
