package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP reloads the spec where the platform has the signal. */
class SignalsIT {
  @TempDir Path folder;

  @Test
  void sighup_reloads_the_spec() throws Exception {
    try (TestServer server = TestServer.start(folder, "")) {
      assumeTrue(server.server.reloadOnHangup(), "no SIGHUP on this platform");
      String spec = Files.readString(server.specFile);
      Files.writeString(
          server.specFile,
          spec.replace(
              "pipelines:",
              "  customers:\n    source: warehouse\n    table: public.customers\npipelines:"));

      sun.misc.Signal.raise(new sun.misc.Signal("HUP"));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.server.spec().datasets().containsKey("customers")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.server.spec().datasets()).containsKeys("orders", "customers");
    }
  }
}
