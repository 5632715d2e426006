package dev.nines.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** A real PostgreSQL server started from the embedded binaries, with a password user. */
public final class PostgresTestDatabase extends TestDatabase {
  public static final String USER = "nines";
  public static final String PASSWORD = "s3cret-pw";

  private final EmbeddedPostgres postgres;

  public PostgresTestDatabase() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
      statement.execute("GRANT ALL ON SCHEMA public TO " + USER);
      statement.execute("GRANT CREATE ON DATABASE postgres TO " + USER);
      requirePasswords(statement);
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }

  /** The embedded server trusts everyone; passwords are required so auth failures can be tested. */
  private static void requirePasswords(java.sql.Statement statement)
      throws java.sql.SQLException, IOException {
    String hbaFile;
    try (var rows = statement.executeQuery("SHOW hba_file")) {
      rows.next();
      hbaFile = rows.getString(1);
    }
    java.nio.file.Files.writeString(
        java.nio.file.Path.of(hbaFile),
        String.join(
            "\n",
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256",
            ""));
    statement.execute("SELECT pg_reload_conf()");
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String url() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  @Override
  public String user() {
    return USER;
  }

  @Override
  public String password() {
    return PASSWORD;
  }

  @Override
  public String slowQuery() {
    return "SELECT pg_sleep(20)";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
