package dev.nines.server.notify;

import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import dev.nines.spec.Values;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts HTTP messages (Slack, PagerDuty, Opsgenie, Teams, webhooks, Alertmanager). 2xx is
 * delivered; 408, 429 and 5xx are worth a retry (with the receiver's {@code Retry-After}, in
 * seconds or as an HTTP date); any other answer is rejected, since a bad key or url will not get
 * better. A receiver that does not answer within the timeout is a retry.
 */
public final class HttpSender implements Sender {
  /** Connect and answer timeout unless another is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** How receivers see Nines in their logs unless the message names itself. */
  public static final String USER_AGENT = "Nines";

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param timeout connect timeout, and the wait for the answer
   * @param clock to turn a {@code Retry-After} date into a wait
   */
  public HttpSender(Duration timeout, Clock clock) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (message.transport() != Transport.HTTP_POST) {
      return DeliveryResult.rejected(null, "not an HTTP message");
    }
    String host = Redaction.hostOf(message.target());
    HttpRequest request;
    try {
      request = request(message);
    } catch (IllegalArgumentException badUrlOrHeader) {
      return DeliveryResult.rejected(
          null, "channel " + message.channel() + " has an invalid url or header");
    }
    CompletableFuture<HttpResponse<String>> answer =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      // the request timeout stops at the response headers; this bounds a body that trickles too
      HttpResponse<String> response =
          answer.get(timeout.toMillis() + timeout.toMillis() / 2, TimeUnit.MILLISECONDS);
      return classify(response, message, host);
    } catch (TimeoutException slowBody) {
      answer.cancel(true);
      return timedOut(host);
    } catch (InterruptedException interrupted) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return DeliveryResult.retry(null, null, "interrupted while sending to " + host);
    } catch (ExecutionException failed) {
      return failure(failed.getCause(), host);
    }
  }

  private HttpRequest request(OutboundMessage message) {
    URI uri = URI.create(message.target());
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException("not an http(s) url");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(message.body()));
    boolean typed = false;
    boolean named = false;
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
      typed |= header.getKey().equalsIgnoreCase("Content-Type");
      named |= header.getKey().equalsIgnoreCase("User-Agent");
    }
    if (!typed) {
      builder.header("Content-Type", "application/json");
    }
    if (!named) {
      builder.header("User-Agent", USER_AGENT);
    }
    return builder.build();
  }

  private DeliveryResult classify(
      HttpResponse<String> response, OutboundMessage message, String host) {
    int status = response.statusCode();
    String said = "HTTP " + status + " from " + host;
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered(status, said);
    }
    if (status == 408 || status == 429 || status >= 500) {
      Duration wait =
          response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
      return DeliveryResult.retry(
          status, wait, wait == null ? said : said + ", retry after " + Values.human(wait));
    }
    String excerpt = Redaction.scrub(response.body(), message, List.of());
    return DeliveryResult.rejected(status, excerpt.isEmpty() ? said : said + ": " + excerpt);
  }

  /** {@code Retry-After} is delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
  Duration retryAfter(String value) {
    String text = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), until.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private DeliveryResult failure(Throwable cause, String host) {
    if (cause instanceof HttpConnectTimeoutException) {
      return DeliveryResult.retry(
          null, null, "could not connect to " + host + " within " + Values.human(timeout));
    }
    if (cause instanceof HttpTimeoutException) {
      return timedOut(host);
    }
    if (cause instanceof ConnectException) {
      return DeliveryResult.retry(null, null, "connection refused by " + host);
    }
    if (cause instanceof IOException) {
      return DeliveryResult.retry(
          null, null, "could not talk to " + host + " (" + cause.getClass().getSimpleName() + ")");
    }
    return DeliveryResult.retry(
        null,
        null,
        "unexpected failure sending to " + host + " (" + cause.getClass().getSimpleName() + ")");
  }

  private DeliveryResult timedOut(String host) {
    return DeliveryResult.retry(
        null, null, "timed out after " + Values.human(timeout) + " waiting for " + host);
  }
}
