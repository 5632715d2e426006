package dev.nines.server.api;

import dev.nines.NinesException;
import dev.nines.store.StoreBusy;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP statuses and JSON {@code {error, detail}}. */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  /** Maps every exception and every unmatched route of {@code app}. */
  public static void install(Javalin app) {
    app.exception(ApiException.class, ErrorMapper::apiFailure);
    app.exception(HttpResponseException.class, ErrorMapper::javalinFailure);
    app.exception(StoreBusy.class, ErrorMapper::storeBusy);
    app.exception(NinesException.class, ErrorMapper::storeFailure);
    app.exception(Exception.class, ErrorMapper::unexpected);
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            answer(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
          }
        });
    app.error(
        405, ctx -> answer(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed here"));
  }

  private static void apiFailure(ApiException failure, Context ctx) {
    List<String> problems =
        failure instanceof InvalidSpecRequest invalid ? invalid.problems() : List.of();
    ctx.status(failure.status())
        .json(new ErrorBody(failure.error(), failure.getMessage(), problems));
  }

  private static void javalinFailure(HttpResponseException failure, Context ctx) {
    String error =
        switch (failure.getStatus()) {
          case 400 -> "bad_request";
          case 404 -> "not_found";
          case 413 -> "payload_too_large";
          default -> "http_" + failure.getStatus();
        };
    answer(ctx, failure.getStatus(), error, failure.getMessage());
  }

  /** The store failed: the message names the store and the reason, never a stack trace. */
  private static void storeFailure(NinesException failure, Context ctx) {
    LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), failure.getMessage());
    answer(ctx, 503, "unavailable", failure.getMessage());
  }

  /** Too much waits to be written: nothing was stored, the client is told when to come back. */
  private static void storeBusy(StoreBusy failure, Context ctx) {
    LOG.warn("{} {} refused: {}", ctx.method(), ctx.path(), failure.getMessage());
    ctx.header("Retry-After", Long.toString(Math.max(1, failure.retryAfter().toSeconds())));
    answer(ctx, 503, "busy", failure.getMessage());
  }

  private static void unexpected(Exception failure, Context ctx) {
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), failure);
    answer(ctx, 500, "internal", "the server failed unexpectedly; its log has the details");
  }

  private static void answer(Context ctx, int status, String error, String detail) {
    ctx.status(status).json(new ErrorBody(error, detail, List.of()));
  }
}
