package dev.nines.server.dataset;

import dev.nines.server.api.NotFound;
import dev.nines.server.api.Page;
import dev.nines.server.api.Paging;
import dev.nines.server.api.QueryParams;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads datasets and their observations. */
public final class DatasetController {
  private final NinesStore store;
  private final Supplier<Spec> spec;

  public DatasetController(NinesStore store, Supplier<Spec> spec) {
    this.store = store;
    this.spec = spec;
  }

  /**
   * {@code GET /api/v1/datasets}: declared ones in spec order, then those only observed (not
   * pipelines, whose observations are named after them).
   */
  public void list(Context ctx) {
    Paging paging = Paging.of(ctx);
    Spec current = spec.get();
    List<DatasetView> views = new ArrayList<>();
    for (DatasetSpec dataset : current.datasets().values()) {
      views.add(
          new DatasetView(
              dataset.name(),
              true,
              dataset.source(),
              dataset.table(),
              dataset.owner(),
              dataset.tags(),
              dataset.checks().size()));
    }
    for (String observed : store.observedDatasets()) {
      // Pipelines' observations carry the pipeline's name: those are listed under pipelines.
      if (!current.datasets().containsKey(observed) && !current.pipelines().containsKey(observed)) {
        views.add(new DatasetView(observed, false, null, null, null, List.of(), 0));
      }
    }
    ctx.json(Page.slice(views, paging));
  }

  /** {@code GET /api/v1/datasets/{name}/observations?status=&since=}, newest first. */
  public void observations(Context ctx) {
    String name = ctx.pathParam("name");
    Paging paging = Paging.of(ctx);
    var status = QueryParams.status(ctx, "status");
    var since = QueryParams.instant(ctx, "since");
    if (!spec.get().datasets().containsKey(name) && !store.observedDatasets().contains(name)) {
      throw new NotFound("no dataset " + name + ": not in the spec and never observed");
    }
    ctx.json(
        Page.of(
            store.observations(name, status, since, paging.limitPlusOne(), paging.offset()),
            paging));
  }
}
