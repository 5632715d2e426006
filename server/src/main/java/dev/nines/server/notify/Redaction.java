package dev.nines.server.notify;

import dev.nines.notify.OutboundMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes what may be secret from text a receiver sent back before it goes into a delivery detail:
 * the message's url path and query, its header values, and anything shaped like a key.
 */
final class Redaction {
  /** Long runs of key-like characters holding a digit: routing keys, tokens, UUID api keys. */
  private static final Pattern KEY_LIKE =
      Pattern.compile("(?=[A-Za-z0-9_\\-]*[0-9])[A-Za-z0-9_\\-]{16,}");

  private static final int MAX_EXCERPT = 200;

  private Redaction() {}

  /** {@code text} without secrets, on one line, at most 200 characters. */
  static String scrub(String text, OutboundMessage message, List<String> moreSecrets) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String clean = text;
    for (String secret : secretsOf(message, moreSecrets)) {
      clean = clean.replace(secret, "***");
    }
    clean = KEY_LIKE.matcher(clean).replaceAll("***");
    clean = clean.replaceAll("\\s+", " ").strip();
    return clean.length() <= MAX_EXCERPT ? clean : clean.substring(0, MAX_EXCERPT) + "…";
  }

  /** The target's host only: the path of a webhook url is its secret. */
  static String hostOf(String target) {
    try {
      String host = URI.create(target).getHost();
      return host == null ? "the receiver" : host;
    } catch (IllegalArgumentException notAUrl) {
      return "the receiver";
    }
  }

  private static List<String> secretsOf(OutboundMessage message, List<String> moreSecrets) {
    List<String> secrets = new ArrayList<>();
    secrets.add(message.target());
    try {
      URI uri = URI.create(message.target());
      addIfLong(secrets, uri.getRawPath());
      addIfLong(secrets, uri.getPath());
      addIfLong(secrets, uri.getRawQuery());
      if (uri.getRawPath() != null) {
        for (String segment : uri.getRawPath().split("/")) {
          addIfLong(secrets, segment);
        }
      }
    } catch (IllegalArgumentException notAUrl) {
      // nothing more to take from it
    }
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Content-Type")) {
        addIfLong(secrets, header.getValue());
        for (String word : header.getValue().split("[\\s=]+")) {
          addIfLong(secrets, word);
        }
      }
    }
    for (String secret : moreSecrets) {
      addIfLong(secrets, secret);
    }
    // longest first, so a whole url goes before its parts
    secrets.sort((left, right) -> Integer.compare(right.length(), left.length()));
    return secrets;
  }

  private static void addIfLong(List<String> secrets, String value) {
    if (value != null && value.length() >= 6) {
      secrets.add(value);
    }
  }
}
