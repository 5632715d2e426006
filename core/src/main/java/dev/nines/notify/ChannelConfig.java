package dev.nines.notify;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel as the spec declares it under {@code notify: channels:}, e.g. {@code oncall: {
 * pagerduty: { routing_key: ${PD_KEY} } }}.
 *
 * @param name the channel's name
 * @param type the channel type's name, e.g. {@code pagerduty}
 * @param options the type's options as written (environment variables resolved); lists are joined
 *     with commas
 */
public record ChannelConfig(String name, String type, Map<String, String> options) {
  public ChannelConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** An option's value, if set. */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** Printable form without options: they hold webhook urls and keys. */
  @Override
  public String toString() {
    return "ChannelConfig[name=" + name + ", type=" + type + "]";
  }
}
