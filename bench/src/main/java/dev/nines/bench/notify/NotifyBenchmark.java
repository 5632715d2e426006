package dev.nines.bench.notify;

import com.sun.net.httpserver.HttpServer;
import dev.nines.bench.MachineInfo;
import dev.nines.check.CheckTypes;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.server.incident.IncidentLoop;
import dev.nines.server.notify.NotifierLoop;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.store.NinesStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification latency benchmark: the time from a failing observation being stored to its
 * notification arriving at a local webhook receiver, through the same in-process path as {@code
 * nines serve} (store listener, incident loop, notifier loop, delivery worker), with group wait 0;
 * next to the bare HTTP round trip of the same kind of POST to the same receiver in the same run.
 * Incidents are made one after another (each waits for the previous notification), so the numbers
 * are latency, not throughput.
 *
 * <p>Usage: {@code bench/run notify [--incidents N] [--warmup W]}
 */
public final class NotifyBenchmark {

  private final int incidents;
  private final int warmup;
  private final PrintStream out;

  NotifyBenchmark(int incidents, int warmup, PrintStream out) {
    this.incidents = incidents;
    this.warmup = warmup;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    int incidents = 1000;
    int warmup = 50;
    for (int index = 0; index < args.length; index++) {
      switch (args[index]) {
        case "--incidents" -> incidents = Integer.parseInt(args[++index]);
        case "--warmup" -> warmup = Integer.parseInt(args[++index]);
        default -> {
          System.err.println("usage: bench/run notify [--incidents N] [--warmup W]");
          System.exit(2);
        }
      }
    }
    new NotifyBenchmark(incidents, warmup, System.out).run();
    System.exit(0);
  }

  void run() throws Exception {
    out.println("Machine: " + MachineInfo.current().line());
    Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
    Map<Integer, CountDownLatch> waiting = new ConcurrentHashMap<>();
    HttpServer receiver = receiver(arrivals, waiting);
    Path folder = Files.createTempDirectory("nines-notify-bench");
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Path specFile = folder.resolve("nines.yml");
    Files.writeString(
        specFile,
        """
        store:
          url: jdbc:h2:file:%s
        notify:
          channels:
            hook: { webhook: { url: "%s" } }
          routes:
            - { channels: [hook], group_wait: 0s, business_hours: false }
        """
            .formatted(folder.resolve("store").toAbsolutePath(), url));
    Spec spec = SpecLoader.load(List.of(specFile), Map.of(), CheckTypes.builtIn());
    Clock clock = Clock.systemUTC();
    long[] nines;
    try (NinesStore store = NinesStore.open(spec.store())) {
      IncidentLoop incidentLoop =
          new IncidentLoop(() -> spec, store, clock, Duration.ofSeconds(1), Duration.ofMinutes(1));
      NotifierLoop notifier = NotifierLoop.wire(() -> spec, store.notifications(), clock);
      incidentLoop.onProcessed(notifier::wake);
      incidentLoop.start();
      notifier.start();
      try {
        for (int i = 0; i < warmup; i++) {
          once(store, clock, 1_000_000 + i, arrivals, waiting);
        }
        nines = new long[incidents];
        for (int i = 0; i < incidents; i++) {
          nines[i] = once(store, clock, i, arrivals, waiting);
        }
      } finally {
        notifier.close();
        incidentLoop.close();
      }
    }
    long[] bare = bareRoundTrips(url, incidents, warmup);
    receiver.stop(0);
    report(nines, bare);
  }

  /** Stores one failing observation of a new pipeline and waits for its notification. */
  private long once(
      NinesStore store,
      Clock clock,
      int number,
      Map<Integer, Long> arrivals,
      Map<Integer, CountDownLatch> waiting)
      throws InterruptedException {
    CountDownLatch arrived = new CountDownLatch(1);
    waiting.put(number, arrived);
    Observation failing =
        new Observation(
            "nines-bench-p" + number,
            "pipeline_failed",
            "pipeline_failed",
            Status.FAIL,
            Kind.SYSTEM,
            null,
            null,
            null,
            "run failed",
            null,
            null,
            clock.instant(),
            Duration.ZERO);
    store.recordFinding("bench-" + number, null, failing, clock.instant());
    long stored = System.nanoTime();
    if (!arrived.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no notification for incident " + number + " in 30s");
    }
    return arrivals.get(number) - stored;
  }

  private static HttpServer receiver(
      Map<Integer, Long> arrivals, Map<Integer, CountDownLatch> waiting) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          long now = System.nanoTime();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher matcher = Pattern.compile("nines-bench-p(\\d+)").matcher(body);
          if (matcher.find() && body.contains("\"action\":\"trigger\"")) {
            int number = Integer.parseInt(matcher.group(1));
            arrivals.putIfAbsent(number, now);
            CountDownLatch latch = waiting.get(number);
            if (latch != null) {
              latch.countDown();
            }
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return server;
  }

  /** The same kind of POST, sent directly: the floor any notifier stands on. */
  private static long[] bareRoundTrips(String url, int count, int warmup) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String body = "{\"alert\":{\"action\":\"baseline\",\"dedup_key\":\"nines-bench-baseline\"}}";
    long[] times = new long[count];
    for (int i = -warmup; i < count; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      long start = System.nanoTime();
      client.send(request, HttpResponse.BodyHandlers.discarding());
      if (i >= 0) {
        times[i] = System.nanoTime() - start;
      }
    }
    return times;
  }

  private void report(long[] nines, long[] bare) {
    out.println();
    out.println("| path | incidents | p50 | p99 | max |");
    out.println("|---|---:|---:|---:|---:|");
    out.println(row("failing observation stored → notification at the receiver", nines));
    out.println(row("bare HTTP round trip to the same receiver", bare));
    out.println();
    out.println("Target: p99 < 1 s for the first row.");
  }

  private static String row(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return "| "
        + what
        + " | "
        + sorted.length
        + " | "
        + millis(percentile(sorted, 0.50))
        + " | "
        + millis(percentile(sorted, 0.99))
        + " | "
        + millis(sorted[sorted.length - 1])
        + " |";
  }

  private static long percentile(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
  }
}
