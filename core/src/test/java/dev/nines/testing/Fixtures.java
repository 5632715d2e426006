package dev.nines.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Generators of test tables with known faults, on any {@link TestDatabase}. */
public final class Fixtures {
  public static final int CUSTOMERS = 10;
  private static final String[] STATUSES = {"new", "paid", "shipped"};
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int BATCH = 200;

  private Fixtures() {}

  /** Customers 1..{@value #CUSTOMERS}. */
  public static void customersTable(TestDatabase db, String table) {
    List<String> rows = new ArrayList<>();
    for (int id = 1; id <= CUSTOMERS; id++) {
      rows.add("(" + id + ", 'customer " + id + "')");
    }
    db.execute(
        "CREATE TABLE " + table + " (customer_id INTEGER NOT NULL, name " + db.textType(50) + ")");
    insert(db, table, rows);
  }

  /**
   * A table of 4 rows whose keys the catalog knows: {@code id} the primary key, {@code code}
   * unique, {@code (part, seq)} unique together; {@code loose} has no constraint and holds 2
   * repeats.
   */
  public static void keyedTable(TestDatabase db, String table) {
    db.execute(
        "CREATE TABLE "
            + table
            + " (id INTEGER NOT NULL PRIMARY KEY, code "
            + db.textType(10)
            + " UNIQUE, part INTEGER, seq INTEGER, loose INTEGER, UNIQUE (part, seq))");
    insert(
        db,
        table,
        List.of(
            "(1, 'a', 1, 1, 7)", "(2, 'b', 1, 2, 7)", "(3, NULL, 2, 1, 8)", "(4, 'd', 2, 2, 8)"));
  }

  /**
   * An orders table of {@code rows} rows (order_id 1..rows, then the duplicates), with a row every
   * minute up to {@code now - faults.staleness}. Columns: order_id, customer_id, amount, status,
   * email, loaded_at (UTC).
   */
  public static void ordersTable(
      TestDatabase db, String table, int rows, Faults faults, Instant now) {
    if (rows < faults.faultyRows() + faults.duplicateKeys() + 10) {
      throw new IllegalArgumentException("too few rows for the faults asked");
    }
    db.execute(
        "CREATE TABLE "
            + table
            + " (order_id INTEGER NOT NULL, customer_id INTEGER, amount "
            + db.decimalType()
            + ", status "
            + db.textType(20)
            + ", email "
            + db.textType(100)
            + ", loaded_at "
            + db.timestampType()
            + ")");
    LocalDateTime newest = LocalDateTime.ofInstant(now.minus(faults.staleness()), ZoneOffset.UTC);
    // Faults go to consecutive rows from row 11 on, one kind after the other.
    int missingFrom = 11;
    int orphanFrom = missingFrom + faults.missingCustomers();
    int negativeFrom = orphanFrom + faults.orphanCustomers();
    int statusFrom = negativeFrom + faults.negativeAmounts();
    int emailFrom = statusFrom + faults.badStatuses();
    int end = emailFrom + faults.badEmails();
    List<String> values = new ArrayList<>();
    int total = rows + faults.duplicateKeys();
    for (int i = 1; i <= total; i++) {
      int orderId = i <= rows ? i : i - rows;
      String customer = Integer.toString(i % CUSTOMERS + 1);
      String amount = (i % 50) + ".25";
      String status = STATUSES[i % STATUSES.length];
      String email = "user" + i + "@example.com";
      if (i >= missingFrom && i < orphanFrom) {
        customer = "NULL";
      } else if (i >= orphanFrom && i < negativeFrom) {
        customer = "999";
      } else if (i >= negativeFrom && i < statusFrom) {
        amount = "-1.50";
      } else if (i >= statusFrom && i < emailFrom) {
        status = "lost";
      } else if (i >= emailFrom && i < end) {
        email = "not-an-email";
      }
      LocalDateTime loadedAt = newest.minusMinutes(total - i);
      values.add(
          "("
              + orderId
              + ", "
              + customer
              + ", "
              + amount
              + ", '"
              + status
              + "', '"
              + email
              + "', '"
              + TEXT.format(loadedAt)
              + "')");
    }
    insert(db, table, values);
  }

  /** Column x holding 1..count and one NULL. */
  public static void numbersTable(TestDatabase db, String table, int count) {
    db.execute("CREATE TABLE " + table + " (x INTEGER)");
    List<String> rows = new ArrayList<>();
    for (int x = 1; x <= count; x++) {
      rows.add("(" + x + ")");
    }
    rows.add("(NULL)");
    insert(db, table, rows);
  }

  /**
   * Events whose newest day is {@code now}'s date minus one day and whose newest epoch second is
   * {@code now} minus one hour: columns event_day (a DATE, text on SQLite) and event_epoch
   * (seconds).
   */
  public static void eventsTable(TestDatabase db, String table, Instant now) {
    db.execute(
        "CREATE TABLE " + table + " (event_day " + db.dateType() + ", event_epoch BIGINT)",
        "INSERT INTO "
            + table
            + " VALUES ('"
            + now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2)
            + "', "
            + (now.getEpochSecond() - 7200)
            + "), ('"
            + now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1)
            + "', "
            + (now.getEpochSecond() - 3600)
            + ")");
  }

  private static void insert(TestDatabase db, String table, List<String> rows) {
    List<String> statements = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += BATCH) {
      statements.add(
          "INSERT INTO "
              + table
              + " VALUES "
              + String.join(", ", rows.subList(from, Math.min(rows.size(), from + BATCH))));
    }
    db.execute(statements.toArray(String[]::new));
  }
}
