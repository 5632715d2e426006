package dev.nines.server.notify;

import dev.nines.notify.OutboundMessage;

/**
 * Delivers a rendered message once. It never throws for a delivery problem: every failure is a
 * {@link DeliveryResult} saying whether trying again may help. Retries and backoff are the caller's
 * job.
 */
public interface Sender {
  /** One attempt to deliver {@code message}; blocks at most about the sender's timeout. */
  DeliveryResult send(OutboundMessage message);
}
