package dev.nines.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** Starts the embedded PostgreSQL servers the benchmarks measure, each with its own settings. */
public final class EmbeddedPostgresServers {
  private EmbeddedPostgresServers() {}

  /** A new server in a fresh temporary data directory with {@code settings} (postgresql.conf). */
  public static EmbeddedPostgres start(Map<String, String> settings) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
    settings.forEach(builder::setServerConfig);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
    }
  }
}
