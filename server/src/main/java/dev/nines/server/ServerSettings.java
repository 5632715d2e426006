package dev.nines.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.spec.Spec;
import dev.nines.spec.Values;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own settings from the spec's {@code server:} section, e.g. {@code server: { api_key:
 * ${NINES_API_KEY}, max_body: 4MiB }}.
 *
 * @param apiKey the key writes need as {@code Authorization: Bearer}; null when none is set
 * @param maxBodyBytes the largest request body accepted, after gzip inflation
 * @param watchEvery how often the pipelines' runs are judged ({@code server.watch_every})
 */
public record ServerSettings(String apiKey, long maxBodyBytes, Duration watchEvery) {
  /** Often enough that a failed or missed run is observed within seconds. */
  public static final Duration DEFAULT_WATCH_EVERY = Duration.ofSeconds(10);

  /** One mebibyte: a large OpenLineage event (many columns of lineage) fits well within it. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** The environment variable read when the spec sets no api_key. */
  public static final String API_KEY_VARIABLE = "NINES_API_KEY";

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib)?", Pattern.CASE_INSENSITIVE);

  public ServerSettings {
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("server.max_body must be positive");
    }
    watchEvery = watchEvery == null ? DEFAULT_WATCH_EVERY : watchEvery;
    if (watchEvery.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("server.watch_every must be at least 1s");
    }
  }

  /**
   * Reads {@code server.api_key} (else the environment's {@code NINES_API_KEY}) and {@code
   * server.max_body} (bytes, or a size such as {@code 512KiB}, {@code 4MiB}).
   *
   * @throws IllegalArgumentException naming the field when a value cannot be read
   */
  public static ServerSettings from(Spec spec, Map<String, String> environment) {
    JsonNode server = spec.later().get("server");
    String apiKey = null;
    long maxBody = DEFAULT_MAX_BODY_BYTES;
    Duration watchEvery = null;
    if (server != null) {
      JsonNode key = server.get("api_key");
      if (key != null && !key.isNull()) {
        apiKey = key.asText();
      }
      JsonNode size = server.get("max_body");
      if (size != null && !size.isNull()) {
        maxBody = bytes(size.asText());
      }
      JsonNode every = server.get("watch_every");
      if (every != null && !every.isNull()) {
        watchEvery = duration(every.asText());
      }
    }
    if (apiKey == null) {
      apiKey = environment.get(API_KEY_VARIABLE);
    }
    return new ServerSettings(apiKey, maxBody, watchEvery);
  }

  private static Duration duration(String text) {
    try {
      return Values.duration(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "server.watch_every must be a duration such as 10s or 1m, was '" + text + "'");
    }
  }

  private static long bytes(String text) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "server.max_body must be a size such as 1048576, 512KiB or 4MiB, was '" + text + "'");
    }
    long number = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "kb" -> number * 1000;
      case "kib" -> number * 1024;
      case "mb" -> number * 1000 * 1000;
      case "mib" -> number * 1024 * 1024;
      default -> number;
    };
  }
}
