package dev.nines.spec;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * A database reached over JDBC.
 *
 * @param name the key under {@code sources:}
 * @param url JDBC url, e.g. {@code jdbc:postgresql://db:5432/analytics} or {@code jdbc:duckdb:}
 * @param user may be null
 * @param password may be null; never logged or printed
 * @param properties extra JDBC driver properties
 * @param connectTimeout how long to wait for a connection (default 10s)
 * @param queryTimeout default statement timeout of each check query (default 5m)
 * @param maxConnections pool size and so the most queries Nines runs at once on this source
 *     (default 2)
 * @param timezone zone of timestamp columns that carry none (default UTC)
 * @param location where it was declared
 */
public record SourceSpec(
    String name,
    String url,
    String user,
    String password,
    Map<String, String> properties,
    Duration connectTimeout,
    Duration queryTimeout,
    int maxConnections,
    ZoneId timezone,
    SpecLocation location) {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_CONNECTIONS = 2;

  public SourceSpec {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    queryTimeout = queryTimeout == null ? DEFAULT_QUERY_TIMEOUT : queryTimeout;
    maxConnections = maxConnections <= 0 ? DEFAULT_MAX_CONNECTIONS : maxConnections;
    timezone = timezone == null ? ZoneId.of("UTC") : timezone;
    location = location == null ? SpecLocation.UNKNOWN : location;
  }

  /** Printable form that never shows the password. */
  @Override
  public String toString() {
    return "SourceSpec[name=" + name + ", url=" + url + ", user=" + user + "]";
  }
}
