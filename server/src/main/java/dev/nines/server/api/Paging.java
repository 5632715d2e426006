package dev.nines.server.api;

import io.javalin.http.Context;

/** {@code limit} (default 50, at most 500) and {@code offset} (default 0) of a listing. */
public record Paging(int limit, int offset) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public Paging {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) {
      throw new BadRequest("offset must be 0 or more, was " + offset);
    }
  }

  /** Reads the paging parameters of a request; a bad one is a 400 naming it. */
  public static Paging of(Context ctx) {
    return new Paging(
        QueryParams.integer(ctx, "limit", DEFAULT_LIMIT), QueryParams.integer(ctx, "offset", 0));
  }

  /** One more than the limit: reading it tells whether another page follows. */
  public int limitPlusOne() {
    return limit + 1;
  }
}
