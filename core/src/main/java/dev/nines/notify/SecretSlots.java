package dev.nines.notify;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.nines.notify.channels.WebhookChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of the outbox: a message is rendered from a {@link Masking#channel() masked}
 * channel whose secret options (a channel type's {@link ChannelType#secretOptions()}) are
 * placeholders such as {@code {{nines-secret:<nonce>:pagerduty.routing_key}}}, and the placeholders
 * are {@link #resolve resolved} at delivery from the channel as the spec in force declares it then.
 * A webhook signature is a placeholder too ({@code {{nines-signature:<nonce>:webhook.secret}}}),
 * computed at delivery over the exact body sent.
 *
 * <p>The nonce is random per message and kept in the header {@value #NONCE_HEADER}, which is never
 * sent: text from the data (a failure message) cannot forge a placeholder and have a secret filled
 * in. A message without that header (stored by an older version, secrets included) is sent as
 * stored.
 */
public final class SecretSlots {
  /** The stored-only header holding the message's nonce; removed before sending. */
  public static final String NONCE_HEADER = "X-Nines-Secret-Slots";

  private static final Pattern SLOT =
      Pattern.compile(
          "\\{\\{nines-(secret|signature):([0-9a-f]{32}):([a-z0-9_]+)\\.([a-z0-9_]+)}}");

  private SecretSlots() {}

  /**
   * Masking for one message (or one group of messages) of {@code channel}: a fresh nonce and the
   * channel with each secret option that is set replaced by its placeholder.
   */
  public static Masking masking(ChannelConfig channel, ChannelType type) {
    String nonce = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> options = new LinkedHashMap<>(channel.options());
    for (String option : type.secretOptions()) {
      String value = options.get(option);
      if (value != null && !value.isBlank()) {
        options.put(option, "{{nines-secret:" + nonce + ":" + type.name() + "." + option + "}}");
      }
    }
    return new Masking(nonce, new ChannelConfig(channel.name(), channel.type(), options));
  }

  /** Whether an option's value is a placeholder rather than the secret itself. */
  public static boolean isPlaceholder(String value) {
    Matcher matcher = value == null ? null : SLOT.matcher(value);
    return matcher != null && matcher.matches() && matcher.group(1).equals("secret");
  }

  /**
   * The header value standing for {@code sha256=<HMAC>} keyed with the option a {@code
   * secretPlaceholder} names, computed at delivery as {@link WebhookChannel#signature} says.
   */
  public static String signaturePlaceholder(String secretPlaceholder) {
    if (!isPlaceholder(secretPlaceholder)) {
      throw new IllegalArgumentException("not a secret placeholder");
    }
    return secretPlaceholder.replace("{{nines-secret:", "{{nines-signature:");
  }

  /** Whether the message holds placeholders to resolve before it is sent. */
  public static boolean hasPlaceholders(OutboundMessage message) {
    return message.headers().containsKey(NONCE_HEADER);
  }

  /**
   * The message as it is sent: placeholders replaced with the options of {@code channel} (the
   * channel of that name in the spec in force), or why it cannot be sent (the channel was removed,
   * renamed, changed type or lost the option). A message without placeholders comes back as it is.
   */
  public static Resolution resolve(OutboundMessage stored, Optional<ChannelConfig> channel) {
    if (!hasPlaceholders(stored)) {
      return Resolution.ready(stored);
    }
    if (channel.isEmpty()) {
      return Resolution.impossible(
          "channel " + stored.channel() + " is no longer in the spec (renamed or removed)");
    }
    try {
      ChannelConfig live = channel.get();
      String nonce = stored.headers().get(NONCE_HEADER);
      boolean json =
          stored.headers().entrySet().stream()
              .anyMatch(
                  header ->
                      header.getKey().equalsIgnoreCase("Content-Type")
                          && header.getValue().contains("json"));
      String target = fill(stored.target(), nonce, live, Escape.URL);
      String body = fill(stored.body(), nonce, live, json ? Escape.JSON : Escape.NONE);
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, String> header : stored.headers().entrySet()) {
        if (!header.getKey().equals(NONCE_HEADER)) {
          headers.put(header.getKey(), fill(header.getValue(), nonce, live, Escape.NONE));
        }
      }
      for (Map.Entry<String, String> header : headers.entrySet()) {
        header.setValue(sign(header.getValue(), nonce, live, headers, body));
      }
      return Resolution.ready(
          new OutboundMessage(
              stored.channel(),
              stored.transport(),
              target,
              headers,
              stored.subject(),
              body,
              stored.textBody()));
    } catch (IllegalStateException unresolvable) {
      return Resolution.impossible(unresolvable.getMessage());
    }
  }

  private enum Escape {
    NONE,
    JSON,
    URL
  }

  private static String fill(String text, String nonce, ChannelConfig live, Escape escape) {
    if (text == null) {
      return null;
    }
    Matcher matcher = SLOT.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      if (!matcher.group(1).equals("secret") || !matcher.group(2).equals(nonce)) {
        // a signature, or text that only looks like a placeholder: left as it is
        matcher.appendReplacement(filled, Matcher.quoteReplacement(matcher.group()));
        continue;
      }
      String value = option(live, matcher.group(3), matcher.group(4));
      if (escape == Escape.JSON) {
        value = new String(JsonStringEncoder.getInstance().quoteAsString(value));
      } else if (escape == Escape.URL && text.startsWith("/", matcher.end())) {
        // a base url followed by a path loses its trailing slashes, as rendering does
        value = value.replaceAll("/+$", "");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static String sign(
      String value, String nonce, ChannelConfig live, Map<String, String> headers, String body) {
    Matcher matcher = SLOT.matcher(value);
    if (!matcher.matches()
        || !matcher.group(1).equals("signature")
        || !matcher.group(2).equals(nonce)) {
      return value;
    }
    String secret = option(live, matcher.group(3), matcher.group(4));
    String timestamp = headers.get(WebhookChannel.TIMESTAMP_HEADER);
    if (timestamp == null) {
      throw new IllegalStateException(
          "the message to channel " + live.name() + " has no " + WebhookChannel.TIMESTAMP_HEADER);
    }
    return WebhookChannel.signature(secret, timestamp, body);
  }

  private static String option(ChannelConfig live, String type, String option) {
    if (!live.type().equals(type)) {
      throw new IllegalStateException(
          "channel " + live.name() + " is now a " + live.type() + " channel, not " + type);
    }
    return live.option(option)
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "channel " + live.name() + " no longer has the option '" + option + "'"));
  }

  /**
   * The channel to render one message (or group) with, and the nonce its placeholders carry.
   *
   * @param nonce random, 32 hex digits
   * @param channel the channel with placeholders for its secret options
   */
  public record Masking(String nonce, ChannelConfig channel) {
    public Masking {
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(channel, "channel");
    }

    /**
     * The rendered message as the outbox keeps it: with the nonce header when it holds
     * placeholders, as rendered otherwise (an email: its sender reads the login at delivery).
     */
    public OutboundMessage sealed(OutboundMessage rendered) {
      boolean holds =
          rendered.target().contains(nonce)
              || rendered.body().contains(nonce)
              || rendered.headers().values().stream().anyMatch(value -> value.contains(nonce));
      if (!holds) {
        return rendered;
      }
      Map<String, String> headers = new LinkedHashMap<>(rendered.headers());
      headers.put(NONCE_HEADER, nonce);
      return new OutboundMessage(
          rendered.channel(),
          rendered.transport(),
          rendered.target(),
          headers,
          rendered.subject(),
          rendered.body(),
          rendered.textBody());
    }
  }

  /**
   * A message ready to send, or why it cannot be.
   *
   * @param message the message with its secrets; null when it cannot be sent
   * @param problem why it cannot be sent, naming the channel; null when it can
   */
  public record Resolution(OutboundMessage message, String problem) {
    public Resolution {
      if ((message == null) == (problem == null)) {
        throw new IllegalArgumentException("exactly one of message and problem");
      }
    }

    static Resolution ready(OutboundMessage message) {
      return new Resolution(Objects.requireNonNull(message), null);
    }

    static Resolution impossible(String problem) {
      return new Resolution(null, problem);
    }

    /** Whether the message can be sent. */
    public boolean isReady() {
      return message != null;
    }

    /** Printable form without the message: it holds the secrets. */
    @Override
    public String toString() {
      return isReady() ? "Resolution[ready]" : "Resolution[" + problem + "]";
    }
  }
}
