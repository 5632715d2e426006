package dev.nines.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** An in-memory H2 database, kept alive by one open connection. */
public final class H2TestDatabase extends TestDatabase {
  private final String url = "jdbc:h2:mem:nines-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final Connection keepAlive;

  public H2TestDatabase() throws SQLException {
    keepAlive = connect();
  }

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String user() {
    return "sa";
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public void close() throws Exception {
    execute("SHUTDOWN");
    keepAlive.close();
  }

  @Override
  public String slowQuery() {
    return "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b";
  }
}
