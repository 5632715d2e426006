package dev.nines.bench.slo;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One size of the SLO benchmark on one database.
 *
 * @param slos how many SLOs a pass evaluates
 * @param bucketRows the bucket rows seeded (30 days of minute-level data, as passes keep it)
 * @param seedSeconds how long the seed took, in the database
 * @param readMillis each plain read of every bucket row with one SELECT (before and after passes)
 * @param firstMillis the first pass of a process: loads every SLO's buckets, then evaluates
 * @param laterMillis passes after one new observation per SLO: fold, forget, evaluate
 * @param idleMillis passes with nothing new, in the same minute: evaluate and keep the results
 * @param loadAverage the 1-minute load average when this size finished
 */
record SloSizeResult(
    int slos,
    long bucketRows,
    double seedSeconds,
    List<Long> readMillis,
    long firstMillis,
    List<Long> laterMillis,
    List<Long> idleMillis,
    String loadAverage) {

  SloSizeResult {
    if (slos <= 0 || readMillis.isEmpty() || laterMillis.isEmpty() || idleMillis.isEmpty()) {
      throw new IllegalArgumentException("a size needs SLOs, reads and passes");
    }
    readMillis = List.copyOf(readMillis);
    laterMillis = List.copyOf(laterMillis);
    idleMillis = List.copyOf(idleMillis);
  }

  /** The fastest plain read: the baseline least disturbed by the machine's other work. */
  long read() {
    return readMillis.stream().min(Comparator.naturalOrder()).orElseThrow();
  }

  long later() {
    return median(laterMillis);
  }

  long idle() {
    return median(idleMillis);
  }

  /** A Markdown table row; see {@link SloBenchmark#HEADER}. */
  String row() {
    return String.format(
        Locale.ROOT,
        "| %,d | %,d | %.1f | %,d | %,d | %s | %,d | %,d | %s | %s | %.0f | %s |",
        slos,
        bucketRows,
        seedSeconds,
        read(),
        firstMillis,
        ratio(firstMillis, read()),
        idle(),
        later(),
        ratio(later(), idle()),
        ratio(later(), read()),
        later() * 1000.0 / slos,
        loadAverage);
  }

  /** Every measurement, for the line under the table. */
  String detail() {
    return String.format(
        Locale.ROOT,
        "%,d SLOs: reads %s ms; later passes %s ms; idle passes %s ms",
        slos,
        join(readMillis),
        join(laterMillis),
        join(idleMillis));
  }

  private static String join(List<Long> values) {
    return String.join(", ", values.stream().map(String::valueOf).toList());
  }

  private static String ratio(long part, long whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) part / whole);
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
