package dev.nines.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server started from the system's binaries ({@code apt-get install mariadb-server}) in a
 * temporary data directory on a free port. {@link #find()} is empty when the binaries are absent.
 */
public final class MariaDbTestDatabase extends TestDatabase {
  public static final String USER = "nines";
  public static final String PASSWORD = "s3cret-pw";
  private static final List<String> SERVERS = List.of("mariadbd", "mysqld");
  private static final List<String> INSTALLERS = List.of("mariadb-install-db", "mysql_install_db");

  private final Process server;
  private final int port;

  private MariaDbTestDatabase(
      Path server, Path installer, Path directory, List<String> serverOptions)
      throws IOException, InterruptedException, SQLException {
    Path data = directory.resolve("data");
    run(
        installer.toString(),
        "--no-defaults",
        "--datadir=" + data,
        "--auth-root-authentication-method=normal",
        "--user=" + System.getProperty("user.name"),
        "--skip-test-db");
    port = freePort();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                server.toString(),
                "--no-defaults",
                "--datadir=" + data,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + directory.resolve("mysqld.sock"),
                "--pid-file=" + directory.resolve("mysqld.pid"),
                "--user=" + System.getProperty("user.name"),
                "--skip-log-bin",
                "--innodb-buffer-pool-size=16M"));
    command.addAll(serverOptions);
    this.server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("server.log").toFile())
            .start();
    awaitReady();
    try (Connection root = DriverManager.getConnection(rootUrl(), "root", "");
        Statement statement = root.createStatement()) {
      statement.execute("CREATE DATABASE nines");
      statement.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
      statement.execute("GRANT ALL ON nines.* TO '" + USER + "'@'%'");
    }
  }

  /** Starts a server when the binaries are installed. */
  public static Optional<MariaDbTestDatabase> find(Path directory) throws Exception {
    return find(directory, List.of());
  }

  /** Starts a server with extra options, e.g. {@code --performance-schema=ON}. */
  public static Optional<MariaDbTestDatabase> find(Path directory, List<String> serverOptions)
      throws Exception {
    Optional<Path> server = binary(SERVERS);
    Optional<Path> installer = binary(INSTALLERS);
    if (server.isEmpty() || installer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MariaDbTestDatabase(server.get(), installer.get(), directory, serverOptions));
  }

  private static Optional<Path> binary(List<String> names) {
    // The PATH first, then where Debian packages put server binaries (sbin is often not on it).
    List<String> directories = new java.util.ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      directories.addAll(List.of(path.split(java.io.File.pathSeparator)));
    }
    directories.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
    for (String dir : directories) {
      for (String name : names) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("failed: " + String.join(" ", command) + "\n" + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws InterruptedException, SQLException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try (Connection ignored = DriverManager.getConnection(rootUrl(), "root", "")) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline) || !server.isAlive()) {
          throw notYet;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Runs statements as root, e.g. grants the test user does not have. */
  public void executeAsRoot(String... statements) throws SQLException {
    try (Connection root = DriverManager.getConnection(rootUrl(), "root", "");
        Statement statement = root.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private String rootUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/";
  }

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public String url() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/nines";
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
  public String timestampType() {
    return "DATETIME";
  }

  @Override
  public String slowQuery() {
    return "SELECT SLEEP(20)";
  }

  @Override
  public boolean strictTypes() {
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    server.destroy();
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }
}
