package dev.nines.notify.channels;

import dev.nines.notify.ChannelConfig;

/** Reading a channel's options with messages that name the channel and the option. */
final class Options {
  private Options() {}

  /** The option's value; a clear error when it is missing or blank. */
  static String required(ChannelConfig channel, String key) {
    return channel
        .option(key)
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "channel '"
                        + channel.name()
                        + "' ("
                        + channel.type()
                        + ") needs the option '"
                        + key
                        + "'"));
  }

  static String optional(ChannelConfig channel, String key, String fallback) {
    return channel
        .option(key)
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .orElse(fallback);
  }

  /** A base url without its trailing slashes. */
  static String base(String url) {
    String base = url;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base;
  }
}
