package dev.nines.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.server.api.BadRequest;
import dev.nines.server.api.NotFound;
import dev.nines.server.lineage.ApiKeyGuard;
import dev.nines.server.lineage.RequestBodies;
import dev.nines.spec.Values;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET/POST /api/v1/silences}, {@code DELETE /api/v1/silences/{id}}: what is silenced, and
 * silencing or un-silencing it.
 */
public final class SilenceController {
  private final Silences silences;
  private final ApiKeyGuard guard;
  private final RequestBodies bodies;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public SilenceController(
      Silences silences, ApiKeyGuard guard, RequestBodies bodies, Clock clock) {
    this.silences = silences;
    this.guard = guard;
    this.bodies = bodies;
    this.clock = clock;
  }

  public void list(Context ctx) {
    Instant now = clock.instant();
    List<SilenceView> views =
        silences.current().stream().map(silence -> SilenceView.of(silence, now)).toList();
    ctx.json(views);
  }

  /**
   * Body: {@code dataset}, {@code pipeline}, {@code source}, {@code severity}, {@code owner} (at
   * least one), {@code for} (a duration such as 2h) or {@code ends_at}, optional {@code starts_at},
   * {@code reason}, {@code author}.
   */
  public void add(Context ctx) {
    guard.check(ctx);
    JsonNode body = body(ctx);
    SilenceDraft draft =
        new SilenceDraft(
            text(body, "dataset"),
            text(body, "pipeline"),
            text(body, "source"),
            text(body, "severity"),
            text(body, "owner"),
            instant(body, "starts_at"),
            duration(body, "for"),
            instant(body, "ends_at"),
            text(body, "reason"),
            text(body, "author"));
    try {
      ctx.status(201).json(SilenceView.of(silences.add(draft), clock.instant()));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  public void remove(Context ctx) {
    guard.check(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequest("a silence id is a number, was '" + ctx.pathParam("id") + "'");
    }
    if (!silences.remove(id)) {
      throw new NotFound("no silence #" + id + " (it may have been removed already)");
    }
    ctx.status(204);
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode tree = json.readTree(bodies.read(ctx));
      if (tree == null || !tree.isObject()) {
        throw new BadRequest("the body must be a JSON object");
      }
      return tree;
    } catch (IOException e) {
      throw new BadRequest("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String text(JsonNode body, String key) {
    JsonNode value = body.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new BadRequest(key + " must be text");
    }
    return value.asText();
  }

  private static Instant instant(JsonNode body, String key) {
    String text = text(body, key);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(key + " must be an ISO instant such as 2026-03-02T10:00:00Z");
    }
  }

  private static Duration duration(JsonNode body, String key) {
    String text = text(body, key);
    try {
      return text == null ? null : Values.duration(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(key + ": " + e.getMessage());
    }
  }
}
