package dev.nines.server.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.api.BadRequest;
import dev.nines.server.lineage.ApiKeyGuard;
import dev.nines.server.lineage.RequestBodies;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * {@code POST /api/v1/incidents/{id}/remediate} runs an incident's remediation and answers with the
 * attempt's outcome; {@code GET /api/v1/incidents/{id}/remediations} lists what is offered and what
 * was tried.
 */
public final class RemediationController {
  private final Remediator remediator;
  private final ApiKeyGuard guard;
  private final RequestBodies bodies;
  private final ObjectMapper json = new ObjectMapper();

  public RemediationController(Remediator remediator, ApiKeyGuard guard, RequestBodies bodies) {
    this.remediator = remediator;
    this.guard = guard;
    this.bodies = bodies;
  }

  /** Body {@code {"action": "load_orders", "by": "alice"}}, both optional. */
  public void remediate(Context ctx) {
    guard.check(ctx);
    long id = incidentId(ctx);
    JsonNode body = body(ctx);
    ctx.json(remediator.run(id, text(body, "action"), text(body, "by")));
  }

  public void list(Context ctx) {
    ctx.json(remediator.list(incidentId(ctx)));
  }

  private static long incidentId(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      long id = Long.parseLong(text.startsWith("#") ? text.substring(1) : text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest("an incident id is a whole number such as 42, was '" + text + "'");
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadRequest(field + " must be text, was " + value);
    }
    return value.textValue();
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
        throw new BadRequest(
            "the body must be a JSON object such as {\"action\": \"load_orders\"}");
      }
      return tree;
    } catch (IOException e) {
      throw new BadRequest("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
