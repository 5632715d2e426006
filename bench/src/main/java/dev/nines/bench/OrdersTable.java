package dev.nines.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The benchmark's table: 20 columns of mixed types (ids, timestamps, amounts, categories, text
 * codes, nullable columns), generated inside the database itself from a series of row numbers.
 * Values come from cheap arithmetic on the row number, so every run builds the same data.
 */
public final class OrdersTable {
  public static final String NAME = "bench_orders";

  static final List<String> STATUSES =
      List.of("new", "paid", "shipped", "delivered", "cancelled", "returned");
  static final List<String> COUNTRIES =
      List.of("US", "DE", "FR", "GB", "ES", "IT", "NL", "SE", "PL", "BR", "JP", "IN");
  static final List<String> CHANNELS = List.of("web", "app", "store", "phone");
  static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");

  /** The 20 columns, in table order. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "customer_id",
          "order_ts",
          "updated_at",
          "order_date",
          "amount",
          "discount",
          "quantity",
          "status",
          "country",
          "channel",
          "sku",
          "email",
          "currency",
          "is_gift",
          "score",
          "weight_kg",
          "region_code",
          "coupon_code",
          "notes");

  private OrdersTable() {}

  /** {@code select count(*)}: what the issue calls one full scan. */
  static String countScan() {
    return "select count(*) from " + NAME;
  }

  /**
   * One pass that has to read every column: a {@code max(col)} per column. Unlike {@code count(*)}
   * (or {@code count(col)} of a NOT NULL column), no database answers it from metadata.
   */
  static String fullRead() {
    return COLUMNS.stream()
        .map(column -> column.equals("is_gift") ? "bool_or(is_gift)" : "max(" + column + ")")
        .collect(Collectors.joining(", ", "select ", " from " + NAME));
  }

  /**
   * One pass reading only the columns the checks touch, a {@code max(col)} each: the least any
   * exact evaluation of those checks must read.
   */
  static String checkedColumnsRead(List<String> columns) {
    return columns.stream()
        .map(column -> "max(" + column + ")")
        .collect(Collectors.joining(", ", "select ", " from " + NAME));
  }

  /** The columns the checks name, in table order. */
  static List<String> checkedColumns(List<BenchCheck> checks) {
    java.util.Set<String> named = new java.util.HashSet<>();
    for (BenchCheck check : checks) {
      var column = check.options().get("column");
      if (column != null) {
        named.add(column.asText());
      }
      var columns = check.options().get("columns");
      if (columns != null) {
        columns.forEach(node -> named.add(node.asText()));
      }
    }
    return COLUMNS.stream().filter(named::contains).toList();
  }

  /**
   * Drops, creates and fills the table with {@code rows} rows; {@code id} is its primary key, as on
   * a real orders table (added after loading, which is faster than indexing row by row).
   */
  public static void create(BenchDatabase database, Connection connection, long rows)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("drop table if exists " + NAME);
      statement.execute(createTable());
      statement.execute(insert(database, rows));
      statement.execute("alter table " + NAME + " add primary key (id)");
    }
    database.prepare(connection, NAME);
  }

  static String createTable() {
    return """
        create table %s (
          id bigint not null,
          customer_id bigint,
          order_ts timestamp not null,
          updated_at timestamp with time zone not null,
          order_date date not null,
          amount decimal(12, 2) not null,
          discount double precision,
          quantity integer not null,
          status varchar(16) not null,
          country varchar(2) not null,
          channel varchar(8),
          sku varchar(16) not null,
          email varchar(64),
          currency varchar(3) not null,
          is_gift boolean not null,
          score real not null,
          weight_kg decimal(8, 3) not null,
          region_code smallint not null,
          coupon_code varchar(12),
          notes varchar(80)
        )"""
        .formatted(NAME);
  }

  static String insert(BenchDatabase database, long rows) {
    String orderedAt = database.secondsBefore(database.utcNowWithoutZone(), "3600 + i % 2592000");
    return """
        insert into %s
        select
          i,
          case when i %% 100 = 0 then null else 1 + (i * 7919) %% 500000 end,
          %s,
          %s,
          current_date - cast(i %% 365 as integer),
          cast((i * 2654435761) %% 1000000 / 100.0 as decimal(12, 2)),
          case when i %% 5 = 0 then null else (i * 40503) %% 100 / 100.0 end,
          cast(1 + (i * 31) %% 20 as integer),
          %s,
          %s,
          case when i %% 50 = 0 then null else %s end,
          'SKU-' || lpad(cast(i as varchar), 8, '0'),
          case
            when i %% 40 = 0 then null
            when i %% 333 = 0 then ''
            else 'user' || cast((i * 7919) %% 500000 as varchar) || '@example.com'
          end,
          %s,
          i %% 11 = 0,
          cast((i * 48271) %% 10000 / 100.0 as real),
          cast(0.1 + (i * 69621) %% 50000 / 1000.0 as decimal(8, 3)),
          cast((i * 3) %% 50 as smallint),
          case when i %% 4 = 0 then 'CPN' || cast((i * 101) %% 1000 as varchar) end,
          case when i %% 3 = 0 then null
            else repeat('x', cast(i %% 40 as integer)) || ' note ' || cast(i %% 1000 as varchar)
          end
        from %s"""
        .formatted(
            NAME,
            orderedAt,
            database.secondsBefore("now()", "i % 86400"),
            pick("(i * 13) % " + STATUSES.size(), STATUSES),
            pick("(i * 5) % " + COUNTRIES.size(), COUNTRIES),
            pick("(i * 17) % " + CHANNELS.size(), CHANNELS),
            pick("(i * 7) % " + CURRENCIES.size(), CURRENCIES),
            database.series(rows));
  }

  /** A CASE choosing one of {@code values} by an index expression; portable, unlike arrays. */
  private static String pick(String index, List<String> values) {
    return IntStream.range(0, values.size())
        .mapToObj(position -> "when " + position + " then '" + values.get(position) + "'")
        .collect(Collectors.joining(" ", "case " + index + " ", " end"));
  }
}
