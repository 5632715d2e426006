package dev.nines.server.pipeline;

import dev.nines.pipeline.JobPattern;
import dev.nines.server.api.NotFound;
import dev.nines.server.api.Page;
import dev.nines.server.api.Paging;
import dev.nines.server.api.QueryParams;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Spec;
import dev.nines.store.JobRef;
import dev.nines.store.JobSeen;
import dev.nines.store.NinesStore;
import dev.nines.store.PipelineRunRecord;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Reads pipelines and their runs: those the spec declares and those only seen in events. */
public final class PipelineController {
  private final PipelineRunsSource runs;
  private final NinesStore store;
  private final Supplier<Spec> spec;

  public PipelineController(PipelineRunsSource runs, NinesStore store, Supplier<Spec> spec) {
    this.runs = runs;
    this.store = store;
    this.spec = spec;
  }

  /** {@code GET /api/v1/pipelines}: declared ones first, in spec order, then unmonitored jobs. */
  public void list(Context ctx) {
    Paging paging = Paging.of(ctx);
    PipelineCatalog catalog = PipelineCatalog.of(spec.get());
    List<PipelineView> views = new ArrayList<>();
    List<JobSeen> seen = runs.jobsSeen();
    for (PipelineSpec pipeline : catalog.pipelines()) {
      views.add(new PipelineView(pipeline.name(), true, pipeline.jobs(), null));
    }
    for (JobSeen job : seen) {
      if (!catalog.monitors(job.jobNamespace(), job.jobName())) {
        views.add(
            new PipelineView(
                job.jobName(),
                false,
                List.of(new JobPattern(job.jobNamespace(), job.jobName())),
                null));
      }
    }
    Page<PipelineView> page = Page.slice(views, paging);
    // The last run only for the page shown: one query per pipeline listed.
    List<PipelineView> withLastRun =
        page.items().stream()
            .map(
                view ->
                    new PipelineView(
                        view.name(), view.monitored(), view.jobs(), lastRun(catalog, view, seen)))
            .toList();
    ctx.json(new Page<>(withLastRun, page.limit(), page.offset(), page.nextOffset()));
  }

  private PipelineRunRecord lastRun(
      PipelineCatalog catalog, PipelineView view, List<JobSeen> seen) {
    List<JobRef> jobs =
        view.monitored()
            ? catalog.jobsOf(catalog.find(view.name()).orElseThrow(), seen)
            : view.jobs().stream().map(job -> new JobRef(job.namespace(), job.name())).toList();
    return jobs.isEmpty() ? null : runs.runsOf(jobs, 1, 0).stream().findFirst().orElse(null);
  }

  /** {@code GET /api/v1/pipelines/{name}/runs}, newest first. */
  public void runs(Context ctx) {
    String name = ctx.pathParam("name");
    Paging paging = Paging.of(ctx);
    List<JobRef> jobs = jobsOf(name);
    List<PipelineRunRecord> page =
        jobs.isEmpty() ? List.of() : runs.runsOf(jobs, paging.limitPlusOne(), paging.offset());
    ctx.json(Page.of(page, paging));
  }

  /** {@code GET /api/v1/runs/{id}}. */
  public void run(Context ctx) {
    UUID runId = QueryParams.runId(ctx, "id");
    PipelineRunRecord run =
        store.pipelineRun(runId).orElseThrow(() -> new NotFound("no run " + runId));
    ctx.json(run);
  }

  private List<JobRef> jobsOf(String name) {
    PipelineCatalog catalog = PipelineCatalog.of(spec.get());
    return catalog
        .find(name)
        .map(pipeline -> catalog.jobsOf(pipeline, runs.jobsSeen()))
        .orElseGet(
            () -> {
              boolean seen = runs.jobsSeen().stream().anyMatch(job -> job.jobName().equals(name));
              if (!seen) {
                throw new NotFound(
                    "no pipeline " + name + ": not in the spec and no run of such a job reported");
              }
              return List.of(new JobRef(null, name));
            });
  }
}
