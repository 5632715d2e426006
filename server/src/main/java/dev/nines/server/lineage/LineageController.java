package dev.nines.server.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.NinesException;
import dev.nines.server.api.BadRequest;
import dev.nines.spec.Spec;
import dev.nines.store.IngestOutcome;
import dev.nines.store.LineageIngest;
import dev.nines.store.NinesStore;
import dev.nines.store.StoreBusy;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/lineage} (one event) and {@code /api/v1/lineage/batch} (an array). An event
 * is acknowledged only once its transaction committed.
 */
public final class LineageController {
  private final NinesStore store;
  private final Supplier<Spec> spec;
  private final Clock clock;
  private final RequestBodies bodies;
  private final ApiKeyGuard guard;
  private final LineageParser parser = new LineageParser();

  public LineageController(
      NinesStore store, Supplier<Spec> spec, Clock clock, RequestBodies bodies, ApiKeyGuard guard) {
    this.store = store;
    this.spec = spec;
    this.clock = clock;
    this.bodies = bodies;
    this.guard = guard;
  }

  /**
   * 201 when stored, 200 when the same event was stored before, 400 when invalid, 503 when the
   * store failed or (with Retry-After) too many events wait to be written.
   */
  public void single(Context ctx) {
    guard.check(ctx);
    JsonNode tree = tree(bodies.read(ctx));
    if (tree.isArray()) {
      throw new BadRequest("the body is an array: send arrays to /api/v1/lineage/batch");
    }
    ParsedEvent event = parse(tree, new DatasetNames(spec.get()));
    IngestOutcome outcome = store.ingest(event.record(), event.facts(), clock.instant());
    ctx.status(outcome == IngestOutcome.STORED ? 201 : 200)
        .json(IngestAnswer.of(outcome, event.record()));
  }

  /**
   * Stores every valid event of the array (in one transaction) and answers how many were received,
   * stored and refused, with each refusal's reason: 200 when all were stored, 207 when some were,
   * 400 when none was.
   */
  public void batch(Context ctx) {
    guard.check(ctx);
    JsonNode tree = tree(bodies.read(ctx));
    if (!tree.isArray()) {
      throw new BadRequest("the body of a batch must be a JSON array of events");
    }
    DatasetNames names = new DatasetNames(spec.get());
    List<BatchSummary.Failure> failures = new ArrayList<>();
    List<LineageIngest> valid = new ArrayList<>();
    List<Integer> validIndexes = new ArrayList<>();
    int index = 0;
    for (JsonNode element : tree) {
      try {
        ParsedEvent event = parser.parse(element, names);
        valid.add(new LineageIngest(event.record(), event.facts()));
        validIndexes.add(index);
      } catch (InvalidEvent e) {
        failures.add(new BatchSummary.Failure(index, e.getMessage()));
      }
      index++;
    }
    try {
      store.ingestAll(valid, clock.instant());
    } catch (StoreBusy e) {
      // Nothing was tried: the whole request is refused with a Retry-After, as a single one is.
      throw e;
    } catch (NinesException e) {
      for (int validIndex : validIndexes) {
        failures.add(new BatchSummary.Failure(validIndex, "not stored, retry: " + e.getMessage()));
      }
      failures.sort(Comparator.comparingInt(BatchSummary.Failure::index));
    }
    BatchSummary summary =
        new BatchSummary(index, index - failures.size(), failures.size(), failures);
    int status = summary.failed() == 0 ? 200 : summary.successful() > 0 ? 207 : 400;
    ctx.status(status).json(summary);
  }

  private JsonNode tree(byte[] body) {
    try {
      return parser.readTree(body);
    } catch (InvalidEvent e) {
      throw new BadRequest(e.getMessage());
    }
  }

  private ParsedEvent parse(JsonNode tree, DatasetNames names) {
    try {
      return parser.parse(tree, names);
    } catch (InvalidEvent e) {
      throw new BadRequest(e.getMessage());
    }
  }
}
