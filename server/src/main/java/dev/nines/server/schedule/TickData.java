package dev.nines.server.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * What the shared schedule keeps with a dataset's execution: the key of the schedule it was planned
 * with and, for an execution put off because its source was busy, the tick it still owes.
 *
 * @param scheduleKey {@link DatasetSchedule#key()}
 * @param owedTick the tick to evaluate instead of the execution time; null when not put off
 */
record TickData(String scheduleKey, Instant owedTick) {
  private static final String SEPARATOR = "\n";

  TickData {
    Objects.requireNonNull(scheduleKey, "scheduleKey");
  }

  static TickData of(String scheduleKey) {
    return new TickData(scheduleKey, null);
  }

  /** Reads what {@link #encode()} wrote; null or empty text gives an empty key. */
  static TickData decode(String text) {
    if (text == null) {
      return of("");
    }
    int separator = text.indexOf(SEPARATOR);
    if (separator < 0) {
      return of(text);
    }
    long millis = Long.parseLong(text.substring(separator + SEPARATOR.length()));
    return new TickData(text.substring(0, separator), Instant.ofEpochMilli(millis));
  }

  String encode() {
    return owedTick == null ? scheduleKey : scheduleKey + SEPARATOR + owedTick.toEpochMilli();
  }
}
