package dev.nines.server.notify;

import dev.nines.spec.StoreSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The notification path on a real PostgreSQL, a fresh database per test. */
class NotificationPathPostgresIT extends NotificationPathContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  StoreSpec freshStore(Path folder) throws Exception {
    String name = "notify_" + DATABASES.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("CREATE DATABASE " + name);
    }
    return new StoreSpec(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", null);
  }
}
