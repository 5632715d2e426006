package dev.nines.dialect;

import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL (and databases speaking its protocol and SQL). */
public final class PostgresDialect implements Dialect {
  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean handles(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  @Override
  public String regexMatches(String text, String pattern) {
    return "(" + text + " ~ " + pattern + ")";
  }

  @Override
  public HolisticPlacement holisticPlacement() {
    // A DISTINCT or ordered-set aggregate makes PostgreSQL give up the parallel plan of the whole
    // aggregate query and sort each column; apart, the running totals scan in parallel.
    return HolisticPlacement.ONE_EXTRA_QUERY;
  }

  @Override
  public Optional<String> uniqueKeysQuery(Relation.Table table) {
    // Key columns only (not INCLUDE ones); valid, complete indexes over plain columns.
    return Optional.of(
        "SELECT CASE WHEN i.indisprimary THEN 'primary key' ELSE 'unique index ' || c.relname"
            + " END, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " CROSS JOIN LATERAL unnest(CAST(i.indkey AS int2[])) WITH ORDINALITY AS k(attnum, n)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = CAST("
            + literal(quote(table.parts()))
            + " AS regclass) AND i.indisunique AND i.indisvalid AND i.indpred IS NULL"
            + " AND i.indexprs IS NULL AND k.n <= i.indnkeyatts");
  }

  @Override
  public TableStatistic tableSize(Connection connection, Relation.Table table) throws SQLException {
    return CatalogNumbers.first(
            connection, "SELECT pg_total_relation_size(CAST(? AS regclass))", quote(table.parts()))
        .map(bytes -> TableStatistic.known(bytes, "pg_total_relation_size: table, indexes, TOAST"))
        .orElse(TableStatistic.unknown("not known on postgresql: no relation " + table));
  }

  @Override
  public TableStatistic tableReads(Connection connection, Relation.Table table)
      throws SQLException {
    return CatalogNumbers.first(
            connection,
            "SELECT seq_scan + COALESCE(idx_scan, 0) FROM pg_stat_user_tables"
                + " WHERE relid = CAST(? AS regclass)",
            quote(table.parts()))
        .map(
            scans ->
                TableStatistic.known(
                    scans,
                    "sequential and index scans since the statistics were reset"
                        + " (pg_stat_user_tables)"))
        .orElse(
            TableStatistic.unknown(
                "not known on postgresql: pg_stat_user_tables has no row for " + table));
  }

  @Override
  public boolean holisticBesideStreaming() {
    // The sort-based query runs in one process while the streaming scan's workers use the others;
    // at once they measured faster than in turn and than merged (BENCHMARKS.md). DuckDB already
    // spreads each query over every core, and two at once measured slower there.
    return true;
  }

  @Override
  public String castToText(String expression) {
    return "CAST(" + expression + " AS TEXT)";
  }

  @Override
  public Map<String, String> connectProperties(SourceSpec source) {
    String seconds = Long.toString(Math.max(1, source.connectTimeout().toSeconds()));
    // readOnlyMode=always: read-only even in auto-commit mode, which the default leaves writable.
    return Map.of("connectTimeout", seconds, "loginTimeout", seconds, "readOnlyMode", "always");
  }

  @Override
  public void prepare(Connection connection, SourceSpec source) throws SQLException {
    // Zone-less timestamp literals compared with timestamptz columns are read in this zone.
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE " + timeZone(source.timezone()));
    }
  }

  /**
   * A zone as PostgreSQL reads it: a fixed offset such as {@code +02:00} (or {@code Z}) is not a
   * zone name there, and a POSIX-style {@code UTC+2} would mean two hours west, so offsets go as an
   * interval.
   */
  private String timeZone(ZoneId zone) {
    if (zone instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0
          ? "'UTC'"
          : "INTERVAL " + literal(offset.getId()) + " HOUR TO MINUTE";
    }
    return literal(zone.getId());
  }
}
