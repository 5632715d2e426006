package dev.nines.server.api;

import dev.nines.observation.Status;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Typed query and path parameters; anything unreadable is a 400 that names the parameter. */
public final class QueryParams {
  private QueryParams() {}

  public static int integer(Context ctx, String name, int fallback) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number, was '" + text + "'");
    }
  }

  /** An ISO-8601 instant with offset, e.g. {@code 2026-03-01T00:00:00Z}; null when absent. */
  public static Instant instant(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          name
              + " must be an ISO-8601 time with offset such as 2026-03-01T00:00:00Z, was '"
              + text
              + "'");
    }
  }

  /** PASS, WARN, FAIL or ERROR in any case; null when absent. */
  public static Status status(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String known =
          Arrays.stream(Status.values()).map(Status::name).collect(Collectors.joining(", "));
      throw new BadRequest(name + " must be one of " + known + ", was '" + text + "'");
    }
  }

  /** A path parameter holding a run id. */
  public static UUID runId(Context ctx, String name) {
    String text = ctx.pathParam(name);
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(name + " must be a UUID, was '" + text + "'");
    }
  }
}
