package dev.nines.bench.slo;

import java.util.ArrayList;
import java.util.List;

/**
 * The SLO benchmark's command line.
 *
 * @param sizes how many SLOs each measured pass evaluates, one size after the other
 * @param passes how many later (and idle) passes to measure per size
 * @param databases {@code h2}, {@code postgres} or both, in that order
 */
record SloOptions(List<Integer> sizes, int passes, List<String> databases) {
  static final String USAGE =
      "usage: bench/run slo [--slos 1000,2500,5000,10000] [--passes 5] [--db h2|postgres|all]";

  SloOptions {
    sizes = List.copyOf(sizes);
    databases = List.copyOf(databases);
    if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1)) {
      throw new IllegalArgumentException("--slos takes sizes of at least 1, got " + sizes);
    }
    if (passes < 1) {
      throw new IllegalArgumentException("--passes must be at least 1, got " + passes);
    }
  }

  /**
   * Reads the options; without any, the four sizes of the issue, 5 passes, H2.
   *
   * @throws IllegalArgumentException with a message naming the bad option
   */
  static SloOptions parse(String... args) {
    List<Integer> sizes = List.of(1_000, 2_500, 5_000, 10_000);
    int passes = 5;
    List<String> databases = List.of("h2");
    for (int index = 0; index < args.length; index++) {
      String option = args[index];
      if (index + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++index];
      switch (option) {
        case "--slos" -> sizes = sizes(value);
        case "--passes" -> passes = number("--passes", value);
        case "--db" ->
            databases =
                switch (value) {
                  case "h2", "postgres" -> List.of(value);
                  case "all" -> List.of("h2", "postgres");
                  default ->
                      throw new IllegalArgumentException(
                          "--db is h2, postgres or all, got '" + value + "'");
                };
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new SloOptions(sizes, passes, databases);
  }

  private static List<Integer> sizes(String value) {
    List<Integer> sizes = new ArrayList<>();
    for (String size : value.split(",")) {
      sizes.add(number("--slos", size.trim()));
    }
    return sizes;
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes whole numbers, got '" + value + "'");
    }
  }
}
