package dev.nines.server.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP receiver standing in for a vendor: keeps every request, answers from a script (e.g.
 * 500 then 200, 429 with Retry-After, a hang), and 200 once the script is used up.
 */
public final class ScriptedReceiver implements AutoCloseable {
  /** One scripted answer; {@code hangMillis} delays it. */
  record Answer(int status, Map<String, String> headers, long hangMillis) {
    static Answer status(int status) {
      return new Answer(status, Map.of(), 0);
    }
  }

  /** A request as received. */
  public record Request(String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();

  public ScriptedReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  ScriptedReceiver then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** {@code System.nanoTime()} of each request's arrival. */
  List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer = script.poll();
    if (answer == null) {
      answer = Answer.status(200);
    }
    if (answer.hangMillis() > 0) {
      try {
        Thread.sleep(answer.hangMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      requests.add(
          new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
      arrivals.add(arrived);
    }
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(answer.status(), -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
