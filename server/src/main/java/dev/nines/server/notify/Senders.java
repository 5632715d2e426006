package dev.nines.server.notify;

import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The sender for each transport: picks HTTP or SMTP by the message's {@link Transport}. */
public final class Senders implements Sender {
  private final Map<Transport, Sender> byTransport;

  /** Senders chosen by transport; a message of a transport without one is rejected. */
  public Senders(Map<Transport, Sender> byTransport) {
    this.byTransport = new EnumMap<>(byTransport);
  }

  /**
   * The standard senders with default timeouts.
   *
   * @param channels the channels of the spec in force by name: the secrets of a message (keys,
   *     webhook urls, signing secrets, the SMTP login) are read there at delivery, so the outbox
   *     keeps none
   */
  public static Senders standard(Function<String, Optional<ChannelConfig>> channels, Clock clock) {
    Objects.requireNonNull(channels, "channels");
    return new Senders(
        Map.of(
            Transport.HTTP_POST,
            new SecretResolvingSender(channels, new HttpSender(HttpSender.DEFAULT_TIMEOUT, clock)),
            Transport.SMTP,
            new SecretResolvingSender(
                channels, new SmtpSender(channels, SmtpSender.DEFAULT_TIMEOUT))));
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    Sender sender = byTransport.get(message.transport());
    if (sender == null) {
      return DeliveryResult.rejected(null, "no sender for transport " + message.transport());
    }
    return sender.send(message);
  }
}
