package dev.nines.server.notify;

import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.SecretSlots;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the secrets back into a message just before it is sent: the outbox keeps placeholders, and
 * the keys, webhook urls and signing secrets come from the channel of that name in the spec in
 * force now (reloads included). A message whose channel was removed, renamed or lost the option is
 * rejected with a clear reason, which gives it up on the incident's timeline.
 */
public final class SecretResolvingSender implements Sender {
  private final Function<String, Optional<ChannelConfig>> channels;
  private final Sender delegate;

  /**
   * @param channels the channels of the spec in force, by name
   * @param delegate what sends the message once its secrets are in
   */
  public SecretResolvingSender(
      Function<String, Optional<ChannelConfig>> channels, Sender delegate) {
    this.channels = Objects.requireNonNull(channels, "channels");
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    SecretSlots.Resolution resolution =
        SecretSlots.resolve(message, channels.apply(message.channel()));
    if (!resolution.isReady()) {
      return DeliveryResult.rejected(null, resolution.problem());
    }
    return delegate.send(resolution.message());
  }
}
