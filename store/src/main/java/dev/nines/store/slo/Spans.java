package dev.nines.store.slo;

import dev.nines.slo.CalendarWindow;
import dev.nines.slo.RollingWindow;
import dev.nines.slo.SloWindow;
import java.time.Duration;

/** How much of an SLI's past an aggregate keeps. */
final class Spans {
  /** Minute resolution covers the short lookbacks (5m to 6h) with an hour to spare. */
  static final Duration MINUTES = Duration.ofHours(7);

  private static final Duration LONGEST_LOOKBACK = Duration.ofDays(3);

  private Spans() {}

  /** The longest the window can be (a calendar month with a DST change: 31 days and an hour). */
  static Duration longestWindow(SloWindow window) {
    if (window instanceof RollingWindow rolling) {
      return rolling.length();
    }
    CalendarWindow calendar = (CalendarWindow) window;
    Duration days =
        switch (calendar.period()) {
          case WEEK -> Duration.ofDays(7);
          case MONTH -> Duration.ofDays(31);
          case QUARTER -> Duration.ofDays(92);
        };
    return days.plusHours(1);
  }

  /**
   * The window plus the longest burn lookback: 3 days, or the 3-day alert window scaled to a longer
   * period.
   */
  static Duration kept(SloWindow window) {
    Duration longest = longestWindow(window);
    Duration scaled = LONGEST_LOOKBACK.multipliedBy(Math.max(1, longest.toDays() / 30 + 1));
    return longest.plus(scaled).plusHours(1);
  }
}
