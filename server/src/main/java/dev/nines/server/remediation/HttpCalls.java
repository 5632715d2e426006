package dev.nines.server.remediation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The HTTP side of remediation actions: one POST with a deadline, failures told in words. */
final class HttpCalls {
  private static final int SHOWN_BODY = 300;

  private final HttpClient client;
  private final Duration timeout;

  HttpCalls(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** An answer, or the reason there was none. */
  record Answer(int status, String body, String failure) {
    boolean answered() {
      return failure == null;
    }
  }

  Answer post(URI url, Map<String, String> headers, String body, String who) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), null);
    } catch (HttpTimeoutException e) {
      return new Answer(0, "", who + " did not answer within " + seconds(timeout));
    } catch (ConnectException e) {
      return new Answer(0, "", "cannot reach " + who + ": connection refused");
    } catch (IOException e) {
      return new Answer(0, "", "cannot reach " + who + ": " + reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "", "interrupted while waiting for " + who);
    }
  }

  /** The start of a body, on one line, for a failure message. */
  static String shown(String body) {
    String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return line.length() <= SHOWN_BODY ? line : line.substring(0, SHOWN_BODY) + "…";
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
