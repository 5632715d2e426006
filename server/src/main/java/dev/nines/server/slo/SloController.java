package dev.nines.server.slo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.api.NotFound;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import dev.nines.store.SloEvaluationRecord;
import dev.nines.store.slo.SloView;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1/slos}: each SLO of the spec as its last evaluation pass left it (SLI, budget, burn
 * rates, alert). An SLO not evaluated yet (just added) gets a pass first.
 */
public final class SloController {
  private final Supplier<Spec> spec;
  private final NinesStore store;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public SloController(Supplier<Spec> spec, NinesStore store, Clock clock) {
    this.spec = spec;
    this.store = store;
    this.clock = clock;
  }

  public void list(Context ctx) {
    ctx.json(views());
  }

  public void show(Context ctx) {
    String name = ctx.pathParam("name");
    Spec current = spec.get();
    if (!current.slos().containsKey(name)) {
      throw new NotFound(
          "no SLO named '"
              + name
              + "'"
              + (current.slos().isEmpty()
                  ? "; the spec declares none"
                  : "; the spec declares " + String.join(", ", current.slos().keySet())));
    }
    ctx.json(views().stream().filter(view -> view.name().equals(name)).findFirst().orElseThrow());
  }

  private List<SloView> views() {
    Spec current = spec.get();
    Map<String, SloView> stored = stored();
    if (!stored.keySet().containsAll(current.slos().keySet())) {
      store.slos().evaluate(current, clock.instant());
      stored = stored();
    }
    Map<String, SloView> byName = stored;
    return current.slos().keySet().stream().map(byName::get).toList();
  }

  private Map<String, SloView> stored() {
    Map<String, SloView> views = new HashMap<>();
    for (SloEvaluationRecord record : store.slos().evaluations()) {
      try {
        views.put(record.slo(), json.readValue(record.statusJson(), SloView.class));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return views;
  }
}
