package dev.nines.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start a server.
 *
 * @param specPaths the spec files or folders
 * @param host the address to listen on, e.g. {@code 0.0.0.0}
 * @param port the port; 0 for any free one
 * @param clock the time source for everything the server stamps
 * @param environment where {@code ${VAR}} in the spec and {@code NINES_API_KEY} are read from
 * @param drainTimeout how long a shutdown waits for requests in flight
 */
public record ServerOptions(
    List<Path> specPaths,
    String host,
    int port,
    Clock clock,
    Map<String, String> environment,
    Duration drainTimeout) {
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "0.0.0.0";

  public ServerOptions {
    specPaths = List.copyOf(specPaths);
    environment = Map.copyOf(environment);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    host = host == null ? DEFAULT_HOST : host;
    clock = clock == null ? Clock.systemUTC() : clock;
    drainTimeout = drainTimeout == null ? Duration.ofSeconds(10) : drainTimeout;
  }

  /** Defaults for {@code nines serve -c FILE}: the system clock and the process environment. */
  public static ServerOptions of(List<Path> specPaths, String host, int port) {
    return new ServerOptions(specPaths, host, port, null, System.getenv(), null);
  }
}
