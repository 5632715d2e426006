package dev.nines.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark run does, from its command line.
 *
 * @param rows rows of the generated table
 * @param repeat timed repetitions of each measurement, after one warm-up
 * @param databases which databases to measure, in order
 * @param record the BENCHMARKS.md to update with the results, null to only print them
 * @param diagnose whether to also time the queries of the Nines run apart, together and at once
 */
public record BenchOptions(
    long rows, int repeat, List<String> databases, Path record, boolean diagnose) {
  public static final long DEFAULT_ROWS = 10_000_000L;
  public static final int DEFAULT_REPEAT = 3;
  public static final List<String> ALL_DATABASES = List.of("postgres", "duckdb");

  public BenchOptions {
    if (rows < 1) {
      throw new IllegalArgumentException("--rows must be at least 1, got " + rows);
    }
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
    }
    databases = List.copyOf(databases);
  }

  public BenchOptions(long rows, int repeat, List<String> databases, Path record) {
    this(rows, repeat, databases, record, false);
  }

  /** Usage text printed for {@code --help} and after a bad option. */
  public static String usage() {
    return String.join(
        System.lineSeparator(),
        "usage: bench/run [--rows N] [--repeat K] [--db postgres|duckdb|all] [--record FILE]"
            + " [--diagnose]",
        "  --rows N     rows in the generated table (default 10000000; 10m, 1m, 100k accepted)",
        "  --repeat K   timed repetitions after one warm-up; the median is reported (default 3)",
        "  --db NAME    postgres, duckdb or all (default all)",
        "  --record F   also write the results into the Markdown file F (e.g. BENCHMARKS.md)",
        "  --diagnose   also time the Nines queries alone, merged into one and run at once");
  }

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException with a message naming the bad option
   */
  public static BenchOptions parse(String... args) {
    long rows = DEFAULT_ROWS;
    int repeat = DEFAULT_REPEAT;
    List<String> databases = ALL_DATABASES;
    Path record = null;
    boolean diagnose = false;
    for (int index = 0; index < args.length; index++) {
      String option = args[index];
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException(usage());
      }
      if (option.equals("--diagnose")) {
        diagnose = true;
        continue;
      }
      if (index + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++index];
      switch (option) {
        case "--rows" -> rows = count(option, value);
        case "--repeat" -> repeat = (int) count(option, value);
        case "--db" -> databases = databases(value);
        case "--record" -> record = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new BenchOptions(rows, repeat, databases, record, diagnose);
  }

  private static long count(String option, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT).replace("_", "");
    long unit = 1;
    if (text.endsWith("k")) {
      unit = 1_000;
    } else if (text.endsWith("m")) {
      unit = 1_000_000;
    }
    String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
    try {
      return Math.multiplyExact(Long.parseLong(digits), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(option + " takes a whole number, got '" + value + "'");
    }
  }

  private static List<String> databases(String value) {
    String name = value.trim().toLowerCase(Locale.ROOT);
    if (name.equals("all")) {
      return ALL_DATABASES;
    }
    if (!ALL_DATABASES.contains(name)) {
      throw new IllegalArgumentException("--db is postgres, duckdb or all, got '" + value + "'");
    }
    return List.of(name);
  }
}
