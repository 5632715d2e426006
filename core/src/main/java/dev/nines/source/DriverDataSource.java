package dev.nines.source;

import dev.nines.dialect.Dialect;
import dev.nines.spec.SourceSpec;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens connections straight from the JDBC driver with the source's credentials and properties, and
 * runs the dialect's per-connection setup; the pool sits on top of it.
 */
final class DriverDataSource implements DataSource {
  private final SourceSpec source;
  private final Dialect dialect;
  private final Driver driver;
  private volatile int loginTimeoutSeconds;

  DriverDataSource(SourceSpec source, Dialect dialect, Driver driver) {
    this.source = source;
    this.dialect = dialect;
    this.driver = driver;
    this.loginTimeoutSeconds = (int) Math.max(1, source.connectTimeout().toSeconds());
  }

  /** The registered driver for the url, or null when no driver on the class path accepts it. */
  static Driver findDriver(String url) {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException noSuitableDriver) {
      return null;
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties properties = new Properties();
    properties.putAll(dialect.connectProperties(source));
    properties.putAll(source.properties());
    if (source.user() != null) {
      properties.setProperty("user", source.user());
    }
    if (source.password() != null) {
      properties.setProperty("password", source.password());
    }
    Connection connection = driver.connect(source.url(), properties);
    if (connection == null) {
      throw new SQLException("the driver does not accept the url", "08001");
    }
    try {
      dialect.prepare(connection, source);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return dialect.readOnlyAfterConnect() ? connection : openedReadOnly(connection);
  }

  /**
   * A connection opened read-only through driver properties: the pool's later calls to setReadOnly,
   * which such drivers reject, are ignored.
   */
  private static Connection openedReadOnly(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "setReadOnly":
              return null;
            case "isReadOnly":
              return true;
            default:
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            DriverDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {
    // The driver's connect timeout comes from the source spec; the pool still asks for this one.
    loginTimeoutSeconds = Math.max(1, seconds);
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
