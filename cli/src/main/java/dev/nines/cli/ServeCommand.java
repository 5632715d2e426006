package dev.nines.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.nines.NinesException;
import dev.nines.cli.internal.SpecFiles;
import dev.nines.server.NinesServer;
import dev.nines.server.ServerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nines serve}: the long-running server until the process is stopped. */
@Command(
    name = "serve",
    description = {
      "Runs the Nines server: OpenLineage ingestion, run reporting and the read API.",
      "Stops gracefully on SIGTERM or Ctrl-C; reloads the spec on SIGHUP or POST /api/v1/reload."
    })
final class ServeCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "The port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "0.0.0.0",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  ServeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new NinesException("--port must be between 0 and 65535, not " + port);
    }
    // A server's log is its record of what it did: keep Nines' own lines even without --debug.
    if (!common.debug && LoggerFactory.getLogger("dev.nines") instanceof Logger nines) {
      nines.setLevel(Level.INFO);
    }
    List<Path> files = SpecFiles.resolve(specOptions.configs, environment.workingDirectory());
    NinesServer server =
        NinesServer.start(
            new ServerOptions(files, host, port, environment.clock(), environment.env(), null));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "nines-shutdown"));
    server.reloadOnHangup();
    environment.err().println("nines serving on http://" + host + ":" + server.port());
    environment.err().flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
