package dev.nines.server.notify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP receiver on a random loopback port: it records every request and answers with what
 * the test set (status, headers, body, or a hang).
 */
final class Receiver implements AutoCloseable {
  /** One request as it arrived. */
  record Request(String method, String path, String query, Headers headers, String body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile int status = 200;
  private volatile Map<String, String> answerHeaders = Map.of();
  private volatile String answerBody = "";
  private volatile boolean hang;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void answer(int status, Map<String, String> headers, String body) {
    this.status = status;
    this.answerHeaders = headers;
    this.answerBody = body;
  }

  void answer(int status) {
    answer(status, Map.of(), "");
  }

  /** Never answer (until closed). */
  void hang() {
    this.hang = true;
  }

  List<Request> requests() {
    return requests;
  }

  Request only() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests.size());
    }
    return requests.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders(),
            body));
    if (hang) {
      try {
        released.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
    answerHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
