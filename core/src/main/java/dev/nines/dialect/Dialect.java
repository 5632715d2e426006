package dev.nines.dialect;

import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between databases when Nines writes SQL and reads catalogs. One implementation per
 * file, registered in {@link Dialects}. Defaults follow ANSI SQL.
 */
public interface Dialect {
  DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Short name shown to users, e.g. {@code postgresql}. */
  String name();

  /** Whether this dialect speaks to the database behind a JDBC url. */
  boolean handles(String jdbcUrl);

  /** A quoted identifier: names from the spec always go through here. */
  default String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A quoted, dot-joined qualified name. */
  default String quote(List<String> parts) {
    return parts.stream().map(this::quote).collect(Collectors.joining("."));
  }

  /** A string literal. */
  default String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A numeric literal, without exponent notation. */
  default String literal(double number) {
    if (number == Math.rint(number) && Math.abs(number) < 1e15) {
      return Long.toString((long) number);
    }
    return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  /** A timestamp literal (a local date-time, in the source's zone). */
  default String timestampLiteral(LocalDateTime value) {
    return "TIMESTAMP '" + TIMESTAMP_TEXT.format(value) + "'";
  }

  /** A date literal. */
  default String dateLiteral(LocalDate value) {
    return "DATE '" + value + "'";
  }

  /**
   * The FROM item for a relation with an alias. Files are only readable where the database can read
   * them (DuckDB).
   */
  default String from(Relation relation, String alias) {
    if (relation instanceof Relation.Table table) {
      return quote(table.parts()) + " " + alias;
    }
    if (relation instanceof Relation.Query query) {
      return "(" + stripTrailingSemicolon(query.sql()) + ") " + alias;
    }
    throw new UnsupportedFeatureException(
        name() + " cannot read files; file datasets need a DuckDB source");
  }

  /** A query keeping only its first {@code rows} rows. */
  default String limit(String select, int rows) {
    return select + " LIMIT " + rows;
  }

  /** A text version of any expression, for regex and length rules. */
  default String castToText(String expression) {
    return "CAST(" + expression + " AS VARCHAR(4000))";
  }

  /** A boolean expression: does {@code text} match the regular expression {@code pattern}? */
  String regexMatches(String text, String pattern);

  /**
   * An aggregate counting the rows where a condition holds. The standard {@code FILTER} clause lets
   * the database skip the CASE expression and the numeric sum of ones.
   */
  default String countWhere(String condition) {
    return "COUNT(*) FILTER (WHERE " + condition + ")";
  }

  /**
   * Where holistic aggregates (distinct counts, percentiles) go; by default into the shared scan,
   * which sends the fewest queries.
   */
  default HolisticPlacement holisticPlacement() {
    return HolisticPlacement.SHARED_SCAN;
  }

  /**
   * Whether the queries of holistic aggregates placed apart should run at the same time as the
   * streaming scan, on a second connection when the source has one free. Worth it where one query
   * leaves cores idle; by default they run after it.
   */
  default boolean holisticBesideStreaming() {
    return false;
  }

  /** The number of characters of a text expression. */
  default String length(String text) {
    return "LENGTH(" + text + ")";
  }

  /**
   * A continuous percentile aggregate (0..1) over non-null values, or empty when the database has
   * none (the engine then runs a window-function query instead).
   */
  default Optional<String> percentile(String expression, double fraction) {
    return Optional.of(
        "PERCENTILE_CONT(" + literal(fraction) + ") WITHIN GROUP (ORDER BY " + expression + ")");
  }

  /** The sample standard deviation aggregate, or empty when the database has none. */
  default Optional<String> stddev(String expression) {
    return Optional.of("STDDEV_SAMP(" + expression + ")");
  }

  /** An expression as a floating point number, so averages and sums do not overflow or round. */
  default String castToDouble(String expression) {
    return "CAST(" + expression + " AS DOUBLE PRECISION)";
  }

  /**
   * A query returning one row and one column, the last time the table was modified, where the
   * catalog records it; empty when the database does not.
   */
  default Optional<String> lastModifiedQuery(Relation.Table table) {
    return Optional.empty();
  }

  /**
   * A catalog query listing a table's unique keys, one row per key column: what guarantees it (e.g.
   * {@code primary key}), then the column's name. Only keys that hold for every row: no partial,
   * expression or unfinished indexes. Empty: the engine reads the JDBC metadata (primary key and
   * unique indexes) instead.
   */
  default Optional<String> uniqueKeysQuery(Relation.Table table) {
    return Optional.empty();
  }

  /**
   * The table's size in bytes (with its indexes where the database counts them apart), as the
   * database tells it, and what the number covers; {@code not known on <database>} where it cannot
   * tell. {@code table} is spelled as the catalog spells it.
   */
  default TableStatistic tableSize(Connection connection, Relation.Table table)
      throws SQLException {
    return TableStatistic.unknown("not known on " + name() + ": it does not report table sizes");
  }

  /**
   * How many times the table was read since the database's counters were last reset, where it keeps
   * such counters; {@code not known on <database>} otherwise.
   */
  default TableStatistic tableReads(Connection connection, Relation.Table table)
      throws SQLException {
    return TableStatistic.unknown(
        "not known on " + name() + ": it keeps no per-table read counters");
  }

  /** Whether the schema part of {@code schema.table} is a JDBC catalog (MySQL databases). */
  default boolean schemaIsCatalog() {
    return false;
  }

  /** Driver properties that make connecting give up after the source's connect timeout. */
  default Map<String, String> connectProperties(SourceSpec source) {
    return Map.of();
  }

  /**
   * Whether {@link Connection#setReadOnly} may be called once connected; when false the dialect
   * asks for read-only access through {@link #connectProperties} where it can.
   */
  default boolean readOnlyAfterConnect() {
    return true;
  }

  /** Per-connection setup right after connecting, e.g. functions the database lacks. */
  default void prepare(Connection connection, SourceSpec source) throws SQLException {}

  /** Why a statement or a connection failed. */
  default ErrorCategory classify(SQLException error) {
    return SqlErrors.classify(error);
  }

  /** A SELECT without its trailing semicolon, so it can be nested. */
  static String stripTrailingSemicolon(String sql) {
    String trimmed = sql.strip();
    while (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return trimmed;
  }
}
