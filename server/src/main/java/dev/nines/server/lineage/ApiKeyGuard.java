package dev.nines.server.lineage;

import dev.nines.server.api.Unauthorized;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/** Checks {@code Authorization: Bearer <key>} when an API key is configured. */
public final class ApiKeyGuard {
  private static final String BEARER = "bearer ";
  private final Supplier<String> apiKey;

  /** {@code apiKey} gives the key in force (it may change on reload); null or empty: no key. */
  public ApiKeyGuard(Supplier<String> apiKey) {
    this.apiKey = apiKey;
  }

  public void check(Context ctx) {
    String expected = apiKey.get();
    if (expected == null || expected.isEmpty()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new Unauthorized("this server needs an API key: send Authorization: Bearer <key>");
    }
    if (header.length() < BEARER.length()
        || !header.substring(0, BEARER.length()).equalsIgnoreCase(BEARER)) {
      throw new Unauthorized("the Authorization header must be Bearer <key>");
    }
    byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    // Compared in constant time so the key cannot be guessed byte by byte from response times.
    if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
      throw new Unauthorized("the API key is wrong");
    }
  }
}
