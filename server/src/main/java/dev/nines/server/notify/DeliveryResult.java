package dev.nines.server.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What came of one attempt to deliver an outbound message.
 *
 * @param outcome delivered, retry later, or rejected for good
 * @param code the HTTP status or SMTP reply code, when the receiver answered; null otherwise
 * @param retryAfter how long the receiver asked to wait (HTTP 429/503 {@code Retry-After}); null
 *     when it did not say
 * @param detail one line for a person, e.g. {@code HTTP 429 from hooks.slack.com}; never holds a
 *     url path, key, password or signature
 */
public record DeliveryResult(
    DeliveryOutcome outcome, Integer code, Duration retryAfter, String detail) {
  public DeliveryResult {
    Objects.requireNonNull(outcome, "outcome");
    if (retryAfter != null && retryAfter.isNegative()) {
      retryAfter = Duration.ZERO;
    }
    detail = detail == null ? "" : detail;
  }

  /** The receiver took it. */
  public static DeliveryResult delivered(Integer code, String detail) {
    return new DeliveryResult(DeliveryOutcome.DELIVERED, code, null, detail);
  }

  /** Not now; {@code retryAfter} is the wait the receiver asked for, or null. */
  public static DeliveryResult retry(Integer code, Duration retryAfter, String detail) {
    return new DeliveryResult(DeliveryOutcome.RETRY, code, retryAfter, detail);
  }

  /** Never: trying again will not help. */
  public static DeliveryResult rejected(Integer code, String detail) {
    return new DeliveryResult(DeliveryOutcome.REJECTED, code, null, detail);
  }

  /** Whether the receiver took it. */
  public boolean isDelivered() {
    return outcome == DeliveryOutcome.DELIVERED;
  }

  /** The wait the receiver asked for, if it said. */
  public Optional<Duration> requestedWait() {
    return Optional.ofNullable(retryAfter);
  }
}
