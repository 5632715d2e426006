package dev.nines.store;

import dev.nines.spec.StoreSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server started once per test class; each test gets its own database. */
final class EmbeddedPostgresDatabase implements TestStoreDatabase {
  private EmbeddedPostgres server;
  private int databases;

  @Override
  public StoreSpec freshStore(Path folder) {
    String name = "store_" + ++databases;
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return new StoreSpec(
        "jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", null);
  }

  @Override
  public StoreSpec missingStore(Path folder) {
    return new StoreSpec(
        "jdbc:postgresql://localhost:" + server().getPort() + "/absent", "postgres", null);
  }

  @Override
  public String missingStoreReason() {
    return "database \"absent\" does not exist (create the database first, e.g. CREATE DATABASE"
        + " nines)";
  }

  private EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public String toString() {
    return "PostgreSQL";
  }
}
