package dev.nines.server.report;

import dev.nines.report.ReportFormat;
import dev.nines.report.ReportInstant;
import dev.nines.report.ReportPeriod;
import dev.nines.report.Reports;
import dev.nines.server.api.BadRequest;
import dev.nines.server.api.NotFound;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import dev.nines.store.report.StoreReports;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * {@code /api/v1/reports}: the SLA report of a consumer and the downtime report, in the forms and
 * with the figures of {@code nines report}.
 */
public final class ReportController {
  private final NinesStore store;
  private final Supplier<Spec> spec;
  private final Clock clock;

  public ReportController(NinesStore store, Supplier<Spec> spec, Clock clock) {
    this.store = store;
    this.spec = spec;
    this.clock = clock;
  }

  /** {@code GET /api/v1/reports/sla/{consumer}?period=&zone=&at=&format=}. */
  public void sla(Context ctx) {
    String consumer = ctx.pathParam("consumer");
    Spec current = spec.get();
    if (!current.consumers().containsKey(consumer)) {
      throw new NotFound("no consumer '" + consumer + "' in the spec");
    }
    ReportFormat format = format(ctx);
    Clock reportClock = clockAt(ctx);
    String text =
        Reports.render(
            new StoreReports(store, reportClock).sla(current, consumer, period(ctx, reportClock)),
            format);
    ctx.contentType(format.contentType()).result(text);
  }

  /** {@code GET /api/v1/reports/downtime?period=&zone=&at=&format=}. */
  public void downtime(Context ctx) {
    ReportFormat format = format(ctx);
    Clock reportClock = clockAt(ctx);
    String text =
        Reports.render(
            new StoreReports(store, reportClock).downtime(period(ctx, reportClock)), format);
    ctx.contentType(format.contentType()).result(text);
  }

  /** {@code GET /api/v1/reports/datasets/{name}?period=&zone=&at=&format=}: the five V's. */
  public void dataset(Context ctx) {
    String name = ctx.pathParam("name");
    Spec current = spec.get();
    if (!current.datasets().containsKey(name)) {
      throw new NotFound("no dataset '" + name + "' in the spec");
    }
    ReportFormat format = format(ctx);
    Clock reportClock = clockAt(ctx);
    String text =
        Reports.render(
            new StoreReports(store, reportClock).dataset(current, name, period(ctx, reportClock)),
            format);
    ctx.contentType(format.contentType()).result(text);
  }

  private static ReportFormat format(Context ctx) {
    try {
      return ReportFormat.parse(ctx.queryParamAsClass("format", String.class).getOrDefault("json"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("format: " + e.getMessage());
    }
  }

  private static ReportPeriod period(Context ctx, Clock reportClock) {
    try {
      return ReportPeriod.parse(
          ctx.queryParamAsClass("period", String.class).getOrDefault("30d"),
          zone(ctx),
          reportClock.instant());
    } catch (IllegalArgumentException e) {
      throw new BadRequest("period: " + e.getMessage());
    }
  }

  /** The clock the report is made with: stopped at the {@code at} parameter when it is given. */
  private Clock clockAt(Context ctx) {
    String at = ctx.queryParam("at");
    if (at == null || at.isBlank()) {
      return clock;
    }
    try {
      return Clock.fixed(ReportInstant.parse(at, zone(ctx), clock.instant()), ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("at: " + e.getMessage());
    }
  }

  private static ZoneId zone(Context ctx) {
    String zoneText = ctx.queryParamAsClass("zone", String.class).getOrDefault("UTC");
    try {
      return ZoneId.of(zoneText);
    } catch (DateTimeException e) {
      throw new BadRequest("zone: '" + zoneText + "' is not a time zone such as Europe/Paris");
    }
  }
}
