package dev.nines.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The incremental aggregate of one SLO's good and bad counts: a ring of minute buckets for the
 * short lookbacks and a ring of hour buckets for the long ones, each bucket tagged with the minute
 * or hour it holds so a reused slot is recognised and cleared. Recording is O(1); a window sum
 * reads at most one hour of minutes at each edge plus one bucket per whole hour, never the raw
 * data.
 *
 * <p>Sums are exact to the minute while an edge is within the minute ring; an older edge is taken
 * at the start of its hour (the window then reaches up to 59 minutes further back). Not thread
 * safe: one evaluator owns one instance.
 */
public final class SliBuckets implements SliSeries {
  private static final long MINUTE = 60;
  private static final long HOUR = 3_600;

  private final Duration slice;
  private final Ring minutes;
  private final Ring hours;

  /**
   * @param minuteSpan how far back minute resolution reaches (e.g. 6h for the short windows)
   * @param hourSpan how far back anything is kept (the SLO window plus the longest lookback)
   * @param slice for time slices, the length one unit stands for, so spans without data are
   *     reported as {@link Tally#noData()}; null for occurrences, where no events is no data
   */
  public SliBuckets(Duration minuteSpan, Duration hourSpan, Duration slice) {
    Objects.requireNonNull(minuteSpan, "minuteSpan");
    Objects.requireNonNull(hourSpan, "hourSpan");
    if (minuteSpan.toMinutes() < 60 || hourSpan.toHours() < 1) {
      throw new IllegalArgumentException("keep at least an hour of minutes and one hour bucket");
    }
    if (slice != null && (slice.isZero() || slice.isNegative())) {
      throw new IllegalArgumentException("a time slice must be longer than zero");
    }
    this.slice = slice;
    this.minutes = new Ring((int) minuteSpan.toMinutes(), MINUTE);
    this.hours = new Ring((int) hourSpan.toHours() + 1, HOUR);
  }

  /**
   * Adds counts at a time: events for occurrences, slices for time slices. Counts older than the
   * hour ring are refused (returns false); counts behind the minute ring still reach the hours.
   */
  public boolean record(Instant at, long good, long bad) {
    if (good < 0 || bad < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    long second = at.getEpochSecond();
    if (!hours.accepts(second)) {
      return false;
    }
    hours.add(second, good, bad);
    if (minutes.accepts(second)) {
      minutes.add(second, good, bad);
    }
    return true;
  }

  /**
   * Puts back a minute or hour bucket saved earlier, such as a store's copy of this aggregate. In
   * any order: a bucket too old for its ring is skipped (returns false), and one that a newer
   * bucket of the same slot replaces later is never read, so the sums are those of oldest first.
   */
  public boolean restore(Duration width, Instant start, long good, long bad) {
    if (good < 0 || bad < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    Ring ring;
    if (width.equals(Duration.ofMinutes(1))) {
      ring = minutes;
    } else if (width.equals(Duration.ofHours(1))) {
      ring = hours;
    } else {
      throw new IllegalArgumentException("a bucket is a minute or an hour wide, not " + width);
    }
    long second = start.getEpochSecond();
    if (!ring.accepts(second)) {
      return false;
    }
    ring.add(second, good, bad);
    return true;
  }

  /** The span a sum over {@code span} really covers: its start moved to the hour when too old. */
  public Interval covered(Interval span) {
    long from = floor(span.start().getEpochSecond(), MINUTE);
    long to = floor(span.end().getEpochSecond(), MINUTE);
    if (!minutes.holds(from)) {
      from = floor(from, HOUR);
    }
    return new Interval(Instant.ofEpochSecond(from), Instant.ofEpochSecond(Math.max(from, to)));
  }

  @Override
  public Tally tally(Interval span) {
    Interval covered = covered(span);
    long from = covered.start().getEpochSecond();
    long to = covered.end().getEpochSecond();
    long[] sum = new long[2];
    long cursor = from;
    // leading minutes up to the first whole hour, trailing minutes after the last one
    long firstHour = Math.min(ceil(from, HOUR), to);
    for (; cursor < firstHour; cursor += MINUTE) {
      minutes.addTo(cursor, sum);
    }
    long lastHour = Math.max(floor(to, HOUR), cursor);
    for (; cursor < lastHour; cursor += HOUR) {
      hours.addTo(cursor, sum);
    }
    for (; cursor < to; cursor += MINUTE) {
      minutes.addTo(cursor, sum);
    }
    long noData = 0;
    if (slice != null) {
      long expected = covered.length().toMillis() / slice.toMillis();
      noData = Math.max(0, expected - sum[0] - sum[1]);
    }
    return new Tally(sum[0], sum[1], noData);
  }

  private static long floor(long second, long unit) {
    return Math.floorDiv(second, unit) * unit;
  }

  private static long ceil(long second, long unit) {
    return -Math.floorDiv(-second, unit) * unit;
  }

  /** Buckets of one width in a circle, each remembering which bucket number it holds. */
  private static final class Ring {
    private final long width;
    private final long[] number;
    private final long[] good;
    private final long[] bad;
    private long newest = Long.MIN_VALUE;

    Ring(int size, long width) {
      this.width = width;
      this.number = new long[size];
      this.good = new long[size];
      this.bad = new long[size];
      Arrays.fill(number, Long.MIN_VALUE);
    }

    /** Whether a count at this second is recent enough to keep (or newer than anything). */
    boolean accepts(long second) {
      long bucket = Math.floorDiv(second, width);
      return newest == Long.MIN_VALUE || bucket > newest - number.length;
    }

    /** Whether the bucket of this second is still inside the ring. */
    boolean holds(long second) {
      return newest != Long.MIN_VALUE && Math.floorDiv(second, width) > newest - number.length;
    }

    void add(long second, long goodCount, long badCount) {
      long bucket = Math.floorDiv(second, width);
      int slot = (int) Math.floorMod(bucket, (long) number.length);
      if (number[slot] != bucket) {
        number[slot] = bucket;
        good[slot] = 0;
        bad[slot] = 0;
      }
      good[slot] += goodCount;
      bad[slot] += badCount;
      newest = Math.max(newest, bucket);
    }

    void addTo(long second, long[] sum) {
      long bucket = Math.floorDiv(second, width);
      int slot = (int) Math.floorMod(bucket, (long) number.length);
      if (number[slot] == bucket) {
        sum[0] += good[slot];
        sum[1] += bad[slot];
      }
    }
  }
}
