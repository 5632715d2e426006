package dev.nines.server.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.pipeline.JobPattern;
import dev.nines.server.api.NotFound;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Spec;
import dev.nines.store.JobRef;
import dev.nines.store.LineageEventKind;
import dev.nines.store.LineageEventRecord;
import dev.nines.store.LineageFacts;
import dev.nines.store.NinesStore;
import dev.nines.store.PipelineRunRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs reported without OpenLineage (REST, {@code nines run}): each report is stored as an event of
 * the run, so a run's state is derived the same way whatever reported it.
 */
public final class NativeRuns {
  /** The job namespace of pipelines that name no OpenLineage job. */
  public static final String NAMESPACE = "nines";

  static final String PRODUCER = "urn:nines:run-reporting";

  private final NinesStore store;
  private final Supplier<Spec> spec;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public NativeRuns(NinesStore store, Supplier<Spec> spec, Clock clock) {
    this.store = store;
    this.spec = spec;
    this.clock = clock;
  }

  /**
   * Starts a run of a pipeline.
   *
   * @param runId the run's id, or null for a new one
   * @return the run as stored
   */
  public PipelineRunRecord start(String pipeline, UUID runId) {
    if (pipeline == null || pipeline.isBlank()) {
      throw new IllegalArgumentException("a pipeline name is required");
    }
    UUID id = runId == null ? UUID.randomUUID() : runId;
    JobRef job = jobOf(pipeline);
    save(id, "START", job, null, null, null);
    return read(id);
  }

  /** Marks a started run complete, with the rows it wrote when known. */
  public PipelineRunRecord complete(UUID runId, Long rowsWritten) {
    PipelineRunRecord run = existing(runId);
    save(runId, "COMPLETE", jobOf(run), rowsWritten, null, null);
    return read(runId);
  }

  /** Marks a started run failed, with why. */
  public PipelineRunRecord fail(UUID runId, String message, Long rowsWritten) {
    PipelineRunRecord run = existing(runId);
    String error = message == null || message.isBlank() ? "failed (no message given)" : message;
    save(runId, "FAIL", jobOf(run), rowsWritten, error, null);
    return read(runId);
  }

  private void save(
      UUID runId, String type, JobRef job, Long rowsWritten, String error, String stackTrace) {
    Instant now = clock.instant();
    ObjectNode payload = json.createObjectNode();
    payload.put("eventType", type).put("eventTime", now.toString()).put("runId", runId.toString());
    payload.putObject("job").put("namespace", job.namespace()).put("name", job.name());
    if (rowsWritten != null) {
      payload.put("rowsWritten", rowsWritten);
    }
    if (error != null) {
      payload.put("errorMessage", error);
    }
    LineageEventRecord event =
        new LineageEventRecord(
            "run|" + runId + "|" + type + "|" + now,
            LineageEventKind.RUN,
            runId,
            type,
            now,
            job.namespace(),
            job.name(),
            null,
            null,
            null,
            error,
            stackTrace,
            rowsWritten,
            PRODUCER,
            payload.toString());
    store.ingest(event, LineageFacts.NONE, now);
  }

  /**
   * The job a native run reports as: the pipeline's first exact job when the spec names one (a
   * {@code *} namespace becomes {@code nines}), else the pipeline's own name in {@code nines}.
   */
  private JobRef jobOf(String pipeline) {
    PipelineSpec declared = spec.get().pipelines().get(pipeline);
    if (declared != null) {
      for (JobPattern job : declared.jobs()) {
        if (!job.name().contains("*") && !job.namespace().contains("*")) {
          return new JobRef(job.namespace(), job.name());
        }
        if (!job.name().contains("*")) {
          return new JobRef(NAMESPACE, job.name());
        }
      }
    }
    return new JobRef(NAMESPACE, pipeline);
  }

  private static JobRef jobOf(PipelineRunRecord run) {
    return new JobRef(run.jobNamespace(), run.jobName());
  }

  private PipelineRunRecord existing(UUID runId) {
    return store
        .pipelineRun(runId)
        .orElseThrow(() -> new NotFound("no run " + runId + ": start it first (nines run start)"));
  }

  private PipelineRunRecord read(UUID runId) {
    return store.pipelineRun(runId).orElseThrow();
  }
}
