package dev.nines.server.health;

import dev.nines.server.api.ServiceUnavailable;
import dev.nines.store.NinesStore;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness ({@code /health}) and readiness ({@code /ready}: store reachable, tables migrated). */
public final class HealthController {
  private final NinesStore store;
  private final BooleanSupplier draining;

  public HealthController(NinesStore store, BooleanSupplier draining) {
    this.store = store;
    this.draining = draining;
  }

  /** 200 while the process serves HTTP at all. */
  public void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  /** 200 when the store answers and its migrations are applied; 503 with the reason otherwise. */
  public void ready(Context ctx) {
    if (draining.getAsBoolean()) {
      throw new ServiceUnavailable("shutting down");
    }
    store
        .unreadyReason()
        .ifPresent(
            reason -> {
              throw new ServiceUnavailable(reason);
            });
    ctx.json(Map.of("status", "ready", "store", store.location()));
  }
}
