package dev.nines.notify;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rendered notification, ready to send and to keep in the outbox: everything needed to deliver it
 * again after a restart.
 *
 * @param channel the channel's name under {@code notify: channels:}
 * @param transport HTTP POST or SMTP
 * @param target the url (HTTP) or the comma-separated recipients (SMTP)
 * @param headers HTTP headers (HTTP), e.g. Content-Type and a signature; empty for SMTP
 * @param subject the email subject (SMTP); null for HTTP
 * @param body the HTTP body, or the email's HTML part
 * @param textBody the email's plain-text part (SMTP); null for HTTP
 */
public record OutboundMessage(
    String channel,
    Transport transport,
    String target,
    Map<String, String> headers,
    String subject,
    String body,
    String textBody) {
  public OutboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(body, "body");
    headers = headers == null ? Map.of() : Map.copyOf(new TreeMap<>(headers));
  }

  /** Printable form without target, headers or body: urls and signatures may hold secrets. */
  @Override
  public String toString() {
    return "OutboundMessage[channel=" + channel + ", transport=" + transport + "]";
  }
}
