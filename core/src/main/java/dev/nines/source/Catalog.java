package dev.nines.source;

import dev.nines.dialect.Dialect;
import dev.nines.dialect.Relation;
import dev.nines.dialect.UnsupportedFeatureException;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a dataset looks like without scanning it: JDBC metadata for tables, the result
 * metadata of a query that returns no row for queries and files.
 */
public final class Catalog {
  private final Dialect dialect;
  private final SourceSpec source;
  private final SqlExecutor executor;

  public Catalog(Dialect dialect, SourceSpec source, SqlExecutor executor) {
    this.dialect = dialect;
    this.source = source;
    this.executor = executor;
  }

  /**
   * The relation's exact name and columns.
   *
   * @throws SourceException MISSING_TABLE when it does not exist, or another classified failure
   */
  public TableSchema describe(Connection connection, Relation relation, Duration timeout) {
    try {
      if (relation instanceof Relation.Table table) {
        return describeTable(connection, table);
      }
      return describeResult(connection, relation, timeout);
    } catch (SQLException e) {
      throw Failures.describe(e, dialect, source);
    } catch (UnsupportedFeatureException e) {
      throw new SourceException(ErrorCategory.UNSUPPORTED, e.getMessage());
    }
  }

  private TableSchema describeTable(Connection connection, Relation.Table table)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (List<String> spelling : spellings(table.parts())) {
      Relation.Table candidate = new Relation.Table(spelling);
      List<Found> found = columns(meta, candidate);
      if (!found.isEmpty()) {
        return pick(connection, found, candidate);
      }
    }
    throw new SourceException(
        ErrorCategory.MISSING_TABLE,
        "table " + table + " does not exist in source " + source.name() + " (or is not visible)");
  }

  /** The name as written, then all upper case, then all lower case. */
  private static Set<List<String>> spellings(List<String> parts) {
    Set<List<String>> spellings = new LinkedHashSet<>();
    spellings.add(parts);
    spellings.add(parts.stream().map(part -> part.toUpperCase(Locale.ROOT)).toList());
    spellings.add(parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList());
    return spellings;
  }

  private record Found(String catalog, String schema, String table, ColumnInfo column) {}

  private List<Found> columns(DatabaseMetaData meta, Relation.Table table) throws SQLException {
    String catalog = table.catalog();
    String schema = table.schema();
    if (dialect.schemaIsCatalog()) {
      catalog = schema;
      schema = null;
    }
    String escape = meta.getSearchStringEscape();
    List<Found> found = new ArrayList<>();
    try (ResultSet rows =
        meta.getColumns(catalog, pattern(schema, escape), pattern(table.name(), escape), "%")) {
      while (rows.next()) {
        String tableName = rows.getString("TABLE_NAME");
        String tableSchema = rows.getString("TABLE_SCHEM");
        String tableCatalog = rows.getString("TABLE_CAT");
        boolean sameSchema =
            schema == null || schema.equals(tableSchema) || dialect.schemaIsCatalog();
        if (!table.name().equals(tableName) || !sameSchema) {
          continue;
        }
        found.add(
            new Found(
                tableCatalog,
                tableSchema,
                tableName,
                new ColumnInfo(
                    rows.getString("COLUMN_NAME"),
                    rows.getString("TYPE_NAME"),
                    rows.getInt("DATA_TYPE"),
                    rows.getInt("ORDINAL_POSITION"),
                    rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls)));
      }
    }
    return found;
  }

  private static String pattern(String name, String escape) {
    if (name == null) {
      return null;
    }
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }

  /** Several schemas may hold a table of that name: prefer the connection's current one. */
  private TableSchema pick(Connection connection, List<Found> found, Relation.Table written)
      throws SQLException {
    String current =
        dialect.schemaIsCatalog() ? connection.getCatalog() : currentSchema(connection);
    Found first = found.get(0);
    String chosenSchema = first.schema();
    String chosenCatalog = first.catalog();
    for (Found candidate : found) {
      String schemaOf = dialect.schemaIsCatalog() ? candidate.catalog() : candidate.schema();
      if (current != null && current.equals(schemaOf)) {
        chosenSchema = candidate.schema();
        chosenCatalog = candidate.catalog();
        break;
      }
    }
    List<ColumnInfo> columns = new ArrayList<>();
    for (Found candidate : found) {
      if (Objects.equals(candidate.schema(), chosenSchema)
          && Objects.equals(candidate.catalog(), chosenCatalog)) {
        columns.add(candidate.column());
      }
    }
    columns.sort(java.util.Comparator.comparingInt(ColumnInfo::position));
    List<String> parts = new ArrayList<>();
    if (written.catalog() != null) {
      parts.add(chosenCatalog);
    }
    String chosen = dialect.schemaIsCatalog() ? chosenCatalog : chosenSchema;
    // An unqualified name found outside the current schema is qualified so queries find it.
    boolean elsewhere = chosen != null && current != null && !current.equals(chosen);
    if (written.schema() != null || elsewhere) {
      parts.add(chosen);
    }
    parts.add(first.table());
    return new TableSchema(new Relation.Table(parts), columns);
  }

  private static String currentSchema(Connection connection) {
    try {
      return connection.getSchema();
    } catch (SQLException | RuntimeException | AbstractMethodError unsupported) {
      return null;
    }
  }

  /**
   * The unique keys of a table the catalog guarantees (primary key, unique constraints, complete
   * unique indexes over plain columns); none for queries and files, and none when the catalog
   * cannot tell, since they only spare a scan.
   */
  public List<UniqueKey> uniqueKeys(Connection connection, Relation relation, Duration timeout) {
    if (!(relation instanceof Relation.Table table)) {
      return List.of();
    }
    try {
      Optional<String> query = dialect.uniqueKeysQuery(table);
      Map<String, Set<String>> columnsByKey = new LinkedHashMap<>();
      if (query.isPresent()) {
        for (List<Object> row :
            executor.catalogQuery(connection, query.get(), timeout, dialect, source).rows()) {
          addColumn(columnsByKey, String.valueOf(row.get(0)), (String) row.get(1));
        }
      } else {
        readJdbcUniqueKeys(connection, table, columnsByKey);
      }
      return columnsByKey.entrySet().stream()
          .filter(key -> !key.getValue().contains(null) && !key.getValue().isEmpty())
          .map(key -> new UniqueKey(key.getKey(), key.getValue()))
          .toList();
    } catch (SQLException | RuntimeException unknown) {
      return List.of();
    }
  }

  private void readJdbcUniqueKeys(
      Connection connection, Relation.Table table, Map<String, Set<String>> columnsByKey)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String catalog = table.catalog();
    String schema = table.schema();
    if (dialect.schemaIsCatalog()) {
      catalog = schema != null ? schema : connection.getCatalog();
      schema = null;
    } else if (schema == null) {
      schema = currentSchema(connection);
    }
    try (ResultSet rows = meta.getPrimaryKeys(catalog, schema, table.name())) {
      while (rows.next()) {
        addColumn(columnsByKey, "primary key", rows.getString("COLUMN_NAME"));
      }
    }
    try (ResultSet rows = meta.getIndexInfo(catalog, schema, table.name(), true, true)) {
      while (rows.next()) {
        if (rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
            || rows.getBoolean("NON_UNIQUE")) {
          continue;
        }
        String key = "unique index " + rows.getString("INDEX_NAME");
        // A partial index proves nothing about the rows outside its predicate.
        String column =
            rows.getString("FILTER_CONDITION") == null ? rows.getString("COLUMN_NAME") : null;
        addColumn(columnsByKey, key, column);
      }
    }
  }

  private static void addColumn(Map<String, Set<String>> columnsByKey, String key, String column) {
    columnsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(column);
  }

  private TableSchema describeResult(Connection connection, Relation relation, Duration timeout) {
    String sql = "SELECT * FROM " + dialect.from(relation, "t") + " WHERE 1 = 0";
    return new TableSchema(relation, executor.columnsOf(connection, sql, timeout, dialect, source));
  }
}
