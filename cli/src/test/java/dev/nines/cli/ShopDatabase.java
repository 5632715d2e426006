package dev.nines.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * A small H2 file database with an {@code orders} table for command tests: {@code rows} orders, the
 * newest loaded {@code age} ago, and {@code duplicatedIds} order ids that appear twice.
 */
final class ShopDatabase {
  private ShopDatabase() {}

  /** Creates the database under {@code dir} and returns its JDBC url. */
  static String create(Path dir, int rows, Duration age, int duplicatedIds) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("shop").toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE";
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop table if exists orders");
      statement.execute(
          "create table orders (order_id int, customer_id int, amount decimal(10, 2),"
              + " loaded_at timestamp with time zone)");
      Instant newest = Instant.now().minus(age);
      try (PreparedStatement insert =
          connection.prepareStatement("insert into orders values (?, ?, ?, ?)")) {
        for (int row = 1; row <= rows; row++) {
          int orderId = row > rows - duplicatedIds ? row - (rows - duplicatedIds) : row;
          insert.setInt(1, orderId);
          insert.setInt(2, row % 7 + 1);
          insert.setDouble(3, 10 + row);
          insert.setTimestamp(4, Timestamp.from(newest.minus(Duration.ofMinutes(row - 1))));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    return url;
  }
}
