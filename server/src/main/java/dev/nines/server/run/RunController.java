package dev.nines.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.api.BadRequest;
import dev.nines.server.api.QueryParams;
import dev.nines.server.lineage.ApiKeyGuard;
import dev.nines.server.lineage.RequestBodies;
import dev.nines.store.PipelineRunRecord;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.UUID;

/**
 * Native run reporting over REST: {@code POST /api/v1/pipelines/{name}/runs} starts a run, {@code
 * .../runs/{id}/complete} and {@code .../fail} end it. Bodies are optional JSON.
 */
public final class RunController {
  private final NativeRuns runs;
  private final ApiKeyGuard guard;
  private final RequestBodies bodies;
  private final ObjectMapper json = new ObjectMapper();

  public RunController(NativeRuns runs, ApiKeyGuard guard, RequestBodies bodies) {
    this.runs = runs;
    this.guard = guard;
    this.bodies = bodies;
  }

  /** Body {@code {"runId": "..."}}, optional: a client may choose the run's id. */
  public void start(Context ctx) {
    guard.check(ctx);
    JsonNode body = body(ctx);
    UUID runId = null;
    if (body.hasNonNull("runId")) {
      try {
        runId = UUID.fromString(body.get("runId").asText());
      } catch (IllegalArgumentException e) {
        throw new BadRequest("runId must be a UUID, was '" + body.get("runId").asText() + "'");
      }
    }
    PipelineRunRecord run = runs.start(ctx.pathParam("name"), runId);
    ctx.status(201).json(run);
  }

  /** Body {@code {"rowsWritten": 120}}, optional. */
  public void complete(Context ctx) {
    guard.check(ctx);
    UUID runId = QueryParams.runId(ctx, "id");
    ctx.json(runs.complete(runId, rows(body(ctx))));
  }

  /** Body {@code {"message": "...", "rowsWritten": 0}}; the message says why it failed. */
  public void fail(Context ctx) {
    guard.check(ctx);
    UUID runId = QueryParams.runId(ctx, "id");
    JsonNode body = body(ctx);
    String message = body.hasNonNull("message") ? body.get("message").asText() : null;
    ctx.json(runs.fail(runId, message, rows(body)));
  }

  private JsonNode body(Context ctx) {
    byte[] bytes = bodies.read(ctx);
    if (bytes.length == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode tree = json.readTree(bytes);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return json.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new BadRequest("the body must be a JSON object");
      }
      return tree;
    } catch (IOException e) {
      throw new BadRequest("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Long rows(JsonNode body) {
    JsonNode rows = body.get("rowsWritten");
    if (rows == null || rows.isNull()) {
      return null;
    }
    if (!rows.canConvertToLong() || !rows.isIntegralNumber() || rows.asLong() < 0) {
      throw new BadRequest("rowsWritten must be a whole number of rows, 0 or more, was " + rows);
    }
    return rows.asLong();
  }
}
