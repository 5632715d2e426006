package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nines check} sends what its incidents call for before it exits. */
class CheckNotifiesIT {
  @TempDir Path dir;
  private HttpServer receiver;
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private void spec(String url) throws Exception {
    Files.writeString(
        dir.resolve("nines.yml"),
        """
        sources:
          shop: { url: "%s", user: sa }
        datasets:
          orders:
            source: shop
            table: orders
            owner: data-eng
            checks:
              - duplicates: { column: order_id }
        store: { url: "jdbc:h2:file:%s" }
        notify:
          channels:
            hook: { webhook: { url: "http://127.0.0.1:%d/hook" } }
          routes:
            - { channels: [hook], group_wait: 0s, group_interval: 0s, business_hours: false }
        """
            .formatted(
                url, dir.resolve("store").toAbsolutePath(), receiver.getAddress().getPort()));
  }

  @Test
  void a_failing_check_is_notified_and_its_resolve_follows_once_it_passes_again() throws Exception {
    spec(ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 2));
    assertThat(new Cli(dir).run("check").exitCode()).isEqualTo(1);
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).contains("\"action\":\"trigger\"").contains("duplicates_order_id");
    // still open: the repeat waits its 4 hours
    assertThat(new Cli(dir).run("notify", "outbox").out())
        .contains("waiting: incident #1 to hook at")
        .contains("the outbox is empty");

    spec(ShopDatabase.create(dir, 20, Duration.ofMinutes(5), 0));
    assertThat(new Cli(dir).run("check").exitCode()).isZero();
    assertThat(new Cli(dir).run("check").exitCode()).isZero();
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1)).contains("\"action\":\"resolve\"");

    Cli.Outcome outbox = new Cli(dir).run("notify", "outbox");
    assertThat(outbox.out()).contains("the outbox is empty");
  }
}
