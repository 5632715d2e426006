package dev.nines.check.internal;

import dev.nines.check.CheckContext;
import dev.nines.observation.ColumnInfo;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL fragments shared by check types. */
public final class Sql {
  private Sql() {}

  public static boolean isNumeric(ColumnInfo column) {
    return switch (column.jdbcType()) {
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE,
          Types.NUMERIC,
          Types.DECIMAL ->
          true;
      default -> false;
    };
  }

  public static boolean isText(ColumnInfo column) {
    return switch (column.jdbcType()) {
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          true;
      default -> false;
    };
  }

  /** Rows where the condition holds, in the dialect's cheapest exact form. */
  public static String countWhere(CheckContext context, String condition) {
    return context.dialect().countWhere(condition);
  }

  /**
   * Rows where a column is NULL, as {@code COUNT(*) - COUNT(column)}: exact everywhere, and both
   * counts are plain running totals that the shared scan may already compute for other checks.
   */
  public static String countNull(String quotedColumn) {
    return "COUNT(*) - COUNT(" + quotedColumn + ")";
  }

  /**
   * {@code column IN (...)}: numbers compare as numbers on numeric columns, anything else as text.
   */
  public static String in(CheckContext context, String columnName, List<String> values) {
    ColumnInfo column = context.column(columnName);
    String quoted = context.dialect().quote(column.name());
    boolean allNumbers = values.stream().allMatch(Sql::isNumber);
    if (isNumeric(column) && allNumbers) {
      return quoted
          + " IN ("
          + values.stream()
              .map(value -> context.dialect().literal(Double.parseDouble(value)))
              .collect(Collectors.joining(", "))
          + ")";
    }
    String text = isText(column) ? quoted : context.dialect().castToText(quoted);
    return text
        + " IN ("
        + values.stream().map(context.dialect()::literal).collect(Collectors.joining(", "))
        + ")";
  }

  /** A column as text, cast only when it is not text already. */
  public static String asText(CheckContext context, String columnName) {
    ColumnInfo column = context.column(columnName);
    String quoted = context.dialect().quote(column.name());
    return isText(column) ? quoted : context.dialect().castToText(quoted);
  }

  /** {@code WHERE a AND (filter)}: the conditions and the check's filter, or "" when none. */
  public static String where(CheckContext context, String... conditions) {
    StringBuilder where = new StringBuilder();
    for (String condition : conditions) {
      where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
    }
    Optional<String> filter = context.filter();
    filter.ifPresent(
        text -> where.append(where.length() == 0 ? " WHERE " : " AND ").append("(" + text + ")"));
    return where.toString();
  }

  private static boolean isNumber(String value) {
    try {
      Double.parseDouble(value.trim());
      return !value.isBlank();
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
