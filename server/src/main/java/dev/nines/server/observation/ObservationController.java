package dev.nines.server.observation;

import dev.nines.server.api.Page;
import dev.nines.server.api.Paging;
import dev.nines.server.api.QueryParams;
import dev.nines.store.NinesStore;
import io.javalin.http.Context;

/** {@code GET /api/v1/observations?status=FAIL&since=...&dataset=...}, newest first. */
public final class ObservationController {
  private final NinesStore store;

  public ObservationController(NinesStore store) {
    this.store = store;
  }

  public void list(Context ctx) {
    Paging paging = Paging.of(ctx);
    var status = QueryParams.status(ctx, "status");
    var since = QueryParams.instant(ctx, "since");
    String dataset = ctx.queryParam("dataset");
    ctx.json(
        Page.of(
            store.observations(
                dataset == null || dataset.isBlank() ? null : dataset,
                status,
                since,
                paging.limitPlusOne(),
                paging.offset()),
            paging));
  }
}
