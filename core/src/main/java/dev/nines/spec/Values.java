package dev.nines.spec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the small value formats of the spec: durations ({@code 30s 15m 12h 7d}) and percentages.
 */
public final class Values {
  private static final Pattern SHORT_DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w)");
  private static final Pattern PERCENT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*%");

  private Values() {}

  /**
   * A duration such as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 12h}, {@code 7d}, {@code
   * 2w}, combined as {@code 1h30m}, or ISO-8601 ({@code PT1H}).
   *
   * @throws IllegalArgumentException with a message fit for a person when it is not one
   */
  public static Duration duration(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("p")) {
      try {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw notADuration(text);
      }
    }
    Matcher matcher = SHORT_DURATION.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find()) {
      if (matcher.start() != end && !value.substring(end, matcher.start()).isBlank()) {
        throw notADuration(text);
      }
      double amount = Double.parseDouble(matcher.group(1));
      long unitMillis =
          switch (matcher.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 7 * 86_400_000L;
          };
      total = total.plusMillis(Math.round(amount * unitMillis));
      end = matcher.end();
    }
    if (end == 0 || end != value.length()) {
      throw notADuration(text);
    }
    return total;
  }

  /** Whether the text is a percentage such as {@code 30%}. */
  public static boolean isPercent(String text) {
    return text != null && PERCENT.matcher(text.trim()).matches();
  }

  /** {@code "30%"} as the ratio 0.30. */
  public static double percent(String text) {
    Matcher matcher = PERCENT.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a percentage such as 30%");
    }
    return Double.parseDouble(matcher.group(1)) / 100.0;
  }

  /** A duration as a person writes it: {@code 1d 2h}, {@code 45m}, {@code 12s}, {@code 500ms}. */
  public static String human(Duration duration) {
    long seconds = Math.abs(duration.getSeconds());
    String sign = duration.isNegative() ? "-" : "";
    if (seconds == 0 && !duration.isZero()) {
      return sign + Math.abs(duration.toMillis()) + "ms";
    }
    if (seconds < 60) {
      return sign + seconds + "s";
    }
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    StringBuilder text = new StringBuilder(sign);
    if (days > 0) {
      text.append(days).append("d");
    }
    if (hours > 0) {
      text.append(text.length() > sign.length() ? " " : "").append(hours).append("h");
    }
    if (minutes > 0 && days == 0) {
      text.append(text.length() > sign.length() ? " " : "").append(minutes).append("m");
    }
    return text.toString();
  }

  private static IllegalArgumentException notADuration(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration: write it as 30s, 15m, 12h, 7d or 1h30m");
  }
}
