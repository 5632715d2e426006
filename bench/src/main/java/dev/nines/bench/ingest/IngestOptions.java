package dev.nines.bench.ingest;

import java.util.List;

/**
 * Settings of one ingestion benchmark run.
 *
 * @param events events per timed scenario (START and COMPLETE pairs)
 * @param clients concurrent HTTP clients, and baseline threads
 * @param batchSize events per batch request
 * @param databases which stores to measure, {@code h2} and/or {@code postgres}
 */
public record IngestOptions(int events, int clients, int batchSize, List<String> databases) {
  public static final String USAGE =
      "usage: bench/run ingest [--events N] [--clients C] [--batch B] [--db h2|postgres|all]";

  public IngestOptions {
    if (events < 2 || clients < 1 || batchSize < 1) {
      throw new IllegalArgumentException("--events needs at least 2, --clients and --batch 1");
    }
    databases = List.copyOf(databases);
  }

  public static IngestOptions parse(String[] args) {
    int events = 20_000;
    int clients = 8;
    int batch = 100;
    List<String> databases = List.of("h2", "postgres");
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--events" -> events = number(name, value);
        case "--clients" -> clients = number(name, value);
        case "--batch" -> batch = number(name, value);
        case "--db" ->
            databases =
                switch (value) {
                  case "all" -> List.of("h2", "postgres");
                  case "h2", "postgres" -> List.of(value);
                  default ->
                      throw new IllegalArgumentException(
                          "--db is h2, postgres or all, not " + value);
                };
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new IngestOptions(events, clients, batch, databases);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not " + value, e);
    }
  }
}
