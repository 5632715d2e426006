package dev.nines.server.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.incident.IncidentConflictException;
import dev.nines.incident.IncidentNotFoundException;
import dev.nines.incident.IncidentStats;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.IncidentView;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.server.api.ApiJson;
import dev.nines.server.api.BadRequest;
import dev.nines.server.api.Conflict;
import dev.nines.server.api.NotFound;
import dev.nines.server.api.Page;
import dev.nines.server.api.Paging;
import dev.nines.server.api.QueryParams;
import dev.nines.server.lineage.ApiKeyGuard;
import dev.nines.server.lineage.RequestBodies;
import dev.nines.store.IncidentQuery;
import dev.nines.store.IncidentStore;
import dev.nines.store.NinesStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@code /api/v1/incidents}: list, details, stats, and what people do to incidents. */
public final class IncidentController {
  private final NinesStore store;
  private final Clock clock;
  private final ApiKeyGuard guard;
  private final RequestBodies bodies;

  public IncidentController(
      NinesStore store, Clock clock, ApiKeyGuard guard, RequestBodies bodies) {
    this.store = store;
    this.clock = clock;
    this.guard = guard;
    this.bodies = bodies;
  }

  /** One incident with its timeline and observations. */
  public record Details(
      IncidentView incident,
      List<dev.nines.incident.TimelineEntry> timeline,
      List<dev.nines.store.IncidentObservation> observations) {}

  public void list(Context ctx) {
    Paging paging = Paging.of(ctx);
    String status = text(ctx, "status");
    boolean active = status != null && status.equalsIgnoreCase("active");
    IncidentQuery query =
        new IncidentQuery(
            status == null || active
                ? null
                : parse(IncidentStatus.class, status, "status", "active"),
            active ? Boolean.TRUE : null,
            parse(Severity.class, text(ctx, "severity"), "severity", null),
            text(ctx, "dataset"),
            text(ctx, "owner"),
            text(ctx, "consumer"),
            QueryParams.instant(ctx, "since"),
            null);
    List<IncidentView> views =
        incidents().list(query, paging.limitPlusOne(), paging.offset()).stream()
            .map(IncidentView::of)
            .toList();
    ctx.json(Page.of(views, paging));
  }

  public void show(Context ctx) {
    long id = id(ctx);
    IncidentView incident =
        IncidentView.of(
            incidents().incident(id).orElseThrow(() -> new NotFound("no incident #" + id)));
    ctx.json(new Details(incident, incidents().timeline(id), incidents().observations(id, 500)));
  }

  public void acknowledge(Context ctx) {
    guard.check(ctx);
    long id = id(ctx);
    JsonNode body = body(ctx);
    ctx.json(IncidentView.of(act(() -> incidents().acknowledge(id, actor(body)))));
  }

  public void resolve(Context ctx) {
    guard.check(ctx);
    long id = id(ctx);
    JsonNode body = body(ctx);
    String as = body.path("resolution").asText(body.path("as").asText(null));
    if (as == null || as.isBlank()) {
      throw new BadRequest(
          "the body needs \"resolution\": fixed, expected, false_positive or no_action_needed");
    }
    Resolution resolution = parse(Resolution.class, as, "resolution", null);
    String comment = body.path("comment").asText(null);
    ctx.json(IncidentView.of(act(() -> incidents().resolve(id, resolution, actor(body), comment))));
  }

  public void assign(Context ctx) {
    guard.check(ctx);
    long id = id(ctx);
    JsonNode body = body(ctx);
    String owner = body.path("owner").asText("").strip();
    if (owner.isEmpty()) {
      throw new BadRequest("the body needs \"owner\": who takes the incident");
    }
    ctx.json(IncidentView.of(act(() -> incidents().assign(id, owner, actor(body)))));
  }

  public void comment(Context ctx) {
    guard.check(ctx);
    long id = id(ctx);
    JsonNode body = body(ctx);
    String text = body.path("text").asText("").strip();
    if (text.isEmpty()) {
      throw new BadRequest("the body needs \"text\": the comment");
    }
    ctx.status(201).json(act(() -> incidents().comment(id, text, actor(body))));
  }

  public void stats(Context ctx) {
    String by = text(ctx, "by");
    IncidentStats.GroupBy group =
        parse(IncidentStats.GroupBy.class, by == null ? "all" : by, "by", null);
    Instant now = clock.instant();
    Instant since = QueryParams.instant(ctx, "since");
    Instant until = null;
    String period = text(ctx, "period");
    if (period != null) {
      if (since != null) {
        throw new BadRequest("since and period exclude each other: give one");
      }
      try {
        YearMonth month = YearMonth.parse(period);
        since = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        until = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new BadRequest("period must be a month such as 2026-10, was '" + period + "'");
      }
    }
    if (since == null) {
      since = now.minus(Duration.ofDays(30));
    }
    IncidentQuery query = new IncidentQuery(null, null, null, null, null, null, since, until);
    List<dev.nines.incident.Incident> all = new ArrayList<>();
    int page = 500;
    for (int offset = 0; ; offset += page) {
      List<dev.nines.incident.Incident> some = incidents().list(query, page, offset);
      all.addAll(some);
      if (some.size() < page) {
        break;
      }
    }
    ctx.json(
        new Stats(
            group.name().toLowerCase(Locale.ROOT),
            since,
            until,
            IncidentStats.of(all, group, now)));
  }

  /** Stats of the incidents detected in [since, until). */
  public record Stats(String by, Instant since, Instant until, List<IncidentStats.Row> groups) {}

  private IncidentStore incidents() {
    return store.incidents().withClock(clock);
  }

  private static <T> T act(Supplier<T> action) {
    try {
      return action.get();
    } catch (IncidentNotFoundException e) {
      throw new NotFound(e.getMessage());
    } catch (IncidentConflictException e) {
      throw new Conflict(e.getMessage());
    }
  }

  private JsonNode body(Context ctx) {
    byte[] bytes = bodies.read(ctx);
    if (bytes.length == 0) {
      return ApiJson.mapper().createObjectNode();
    }
    try {
      JsonNode node = ApiJson.mapper().readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new BadRequest("the body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new BadRequest(
          "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String actor(JsonNode body) {
    String by = body.path("by").asText("").strip();
    return by.isEmpty() ? "api" : by;
  }

  private static long id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new BadRequest("id must be an incident number, was '" + text + "'");
  }

  private static String text(Context ctx, String name) {
    String text = ctx.queryParam(name);
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String text, String name, String extra) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> known =
          new ArrayList<>(
              Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList());
      if (extra != null) {
        known.add(extra);
      }
      throw new BadRequest(
          name + " must be one of " + String.join(", ", known) + ", was '" + text + "'");
    }
  }
}
