package dev.nines.dialect;

import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** DuckDB in-process; it also reads Parquet, CSV and JSON files for {@code file} datasets. */
public final class DuckDbDialect implements Dialect {
  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public boolean handles(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:duckdb:");
  }

  @Override
  public String from(Relation relation, String alias) {
    if (relation instanceof Relation.File file) {
      return reader(file.path()) + " " + alias;
    }
    return Dialect.super.from(relation, alias);
  }

  private String reader(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet") || lower.endsWith(".parq")) {
      return "read_parquet(" + literal(path) + ")";
    }
    if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".csv.gz")) {
      return "read_csv_auto(" + literal(path) + ")";
    }
    if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
      return "read_json_auto(" + literal(path) + ")";
    }
    // Any other name: DuckDB picks the reader from the file's extension itself.
    return literal(path);
  }

  @Override
  public String regexMatches(String text, String pattern) {
    return "regexp_matches(" + text + ", " + pattern + ")";
  }

  @Override
  public HolisticPlacement holisticPlacement() {
    // DuckDB computes each distinct count or quantile alone far faster than mixed with many other
    // aggregates, and faster than several of them together (measured in BENCHMARKS.md).
    return HolisticPlacement.QUERY_EACH;
  }

  @Override
  public Optional<String> uniqueKeysQuery(Relation.Table table) {
    String schema = table.schema() == null ? "current_schema()" : literal(table.schema());
    return Optional.of(
        "SELECT CASE constraint_type WHEN 'PRIMARY KEY' THEN 'primary key' ELSE 'unique"
            + " constraint ' || constraint_index END, unnest(constraint_column_names)"
            + " FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
            + " AND table_name = "
            + literal(table.name())
            + " AND schema_name = "
            + schema
            + (table.catalog() == null ? "" : " AND database_name = " + literal(table.catalog())));
  }

  @Override
  public String castToText(String expression) {
    return "CAST(" + expression + " AS VARCHAR)";
  }

  @Override
  public Optional<String> percentile(String expression, double fraction) {
    return Optional.of("quantile_cont(" + expression + ", " + literal(fraction) + ")");
  }

  @Override
  public String castToDouble(String expression) {
    return "CAST(" + expression + " AS DOUBLE)";
  }

  @Override
  public boolean readOnlyAfterConnect() {
    return false;
  }

  @Override
  public Map<String, String> connectProperties(SourceSpec source) {
    // An in-memory database cannot be opened read-only; a database file can.
    String path = source.url().substring("jdbc:duckdb:".length());
    boolean inMemory = path.isBlank() || path.startsWith(":memory:");
    return inMemory ? Map.of() : Map.of("duckdb.read_only", "true");
  }

  @Override
  public TableStatistic tableSize(Connection connection, Relation.Table table) throws SQLException {
    // DuckDB reports no per-table size: count the storage blocks its column segments sit in.
    String blocks =
        "SELECT COUNT(DISTINCT s.block_id) * MAX(d.block_size) FROM pragma_storage_info(?) s,"
            + " pragma_database_size() d WHERE s.persistent AND s.block_id >= 0"
            + " AND d.database_name = current_database()";
    Optional<Long> bytes = CatalogNumbers.first(connection, blocks, quote(table.parts()));
    if (bytes.isEmpty() || bytes.get() == 0) {
      return TableStatistic.unknown(
          "not known on duckdb: the table has no stored blocks (an in-memory database, or not"
              + " yet checkpointed)");
    }
    return TableStatistic.known(
        bytes.get(),
        "estimate: storage blocks holding its column segments × block size"
            + " (pragma_storage_info); a block shared with other tables counts whole");
  }

  @Override
  public ErrorCategory classify(SQLException error) {
    String text = SqlErrors.messages(error);
    if (text.contains("interrupt")) {
      return ErrorCategory.TIMEOUT;
    }
    if (text.contains("catalog error") && (text.contains("table") || text.contains("schema"))) {
      return ErrorCategory.MISSING_TABLE;
    }
    if (text.contains("no files found") || text.contains("no such file")) {
      return ErrorCategory.MISSING_TABLE;
    }
    if (text.contains("binder error") && text.contains("column")) {
      return ErrorCategory.MISSING_COLUMN;
    }
    if (text.contains("permission denied")) {
      return ErrorCategory.PERMISSION;
    }
    if (text.contains("could not set lock") || text.contains("cannot open")) {
      return ErrorCategory.CONNECTION;
    }
    return SqlErrors.classify(error);
  }
}
