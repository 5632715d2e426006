package dev.nines.bench.slo;

import dev.nines.spec.SloSpec;
import dev.nines.store.NinesStore;
import dev.nines.store.slo.SloPass;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One observation a minute for 30 days per SLO, stored as the buckets a pass keeps (one bad minute
 * every 8 hours) and generated inside the database with one INSERT … SELECT per bucket width, so no
 * row crosses the wire: the SLOs are slo_0 … slo_{N−1}, all with the same fingerprint shape. How
 * the rows lie in the table follows the plan of the cross join (on PostgreSQL from 1,000 SLOs up:
 * in time order, as passes write them); the PostgreSQL report prints it.
 */
final class SloSeed {
  private SloSeed() {}

  /** Seeds the buckets and aggregates of {@code slos} as of {@code now}; the bucket rows added. */
  static long seed(NinesStore store, Map<String, SloSpec> slos, SloStoreTarget target, Instant now)
      throws SQLException {
    long nowMinute = now.getEpochSecond() / 60;
    long nowHour = now.getEpochSecond() / 3600;
    int size = slos.size();
    String name = "'slo_' || CAST(s.x AS VARCHAR(20))";
    long rows = 0;
    try (Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      rows +=
          statement.executeUpdate(
              "INSERT INTO slo_bucket (slo_name, width_seconds, bucket_number, good, bad, no_data)"
                  + " SELECT "
                  + name
                  + ", 3600, h.x, CASE WHEN MOD(h.x, 8) = 0 THEN 59 ELSE 60 END,"
                  + " CASE WHEN MOD(h.x, 8) = 0 THEN 1 ELSE 0 END, 0 FROM "
                  + target.range(0, size - 1)
                  + " s CROSS JOIN "
                  + target.range(nowHour - 33 * 24, nowHour - 1)
                  + " h");
      rows +=
          statement.executeUpdate(
              "INSERT INTO slo_bucket (slo_name, width_seconds, bucket_number, good, bad, no_data)"
                  + " SELECT "
                  + name
                  + ", 60, m.x, 1, 0, 0 FROM "
                  + target.range(0, size - 1)
                  + " s CROSS JOIN "
                  + target.range(nowMinute - 7 * 60, nowMinute - 1)
                  + " m");
      try (PreparedStatement aggregates =
          connection.prepareStatement(
              "INSERT INTO slo_aggregate (slo_name, fingerprint, built_at) VALUES (?, ?, ?)")) {
        for (SloSpec slo : slos.values()) {
          aggregates.setString(1, slo.name());
          aggregates.setString(2, SloPass.fingerprint(slo));
          aggregates.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
          aggregates.addBatch();
        }
        aggregates.executeBatch();
      }
      target.afterSeed(connection);
    }
    return rows;
  }
}
