package dev.nines.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Times the queries one Nines run sent, sent directly: the streaming scan (the first) alone, the
 * sort-based queries (the others) alone in turn, all of them merged into one query (how the engine
 * planned them before it split them), and the two parts at once on two connections (how it runs
 * them now). Interleaved, {@code repeat} times; medians are reported.
 */
final class QueryDiagnosis {
  private final BenchDatabase database;
  private final java.io.PrintStream progress;

  QueryDiagnosis(BenchDatabase database, java.io.PrintStream progress) {
    this.database = database;
    this.progress = progress;
  }

  List<String> measure(Connection connection, List<String> sent, int repeat) throws SQLException {
    if (sent.size() < 2) {
      return List.of("the Nines run sent one query; nothing to take apart");
    }
    String streaming = sent.get(0);
    List<String> sorting = sent.subList(1, sent.size());
    String merged = merge(sent);
    List<Duration> alone = new ArrayList<>();
    List<Duration> sorted = new ArrayList<>();
    List<Duration> together = new ArrayList<>();
    List<Duration> atOnce = new ArrayList<>();
    try (Connection second = database.connectForReading()) {
      for (int round = 0; round < repeat; round++) {
        alone.add(time(() -> run(connection, List.of(streaming))));
        sorted.add(time(() -> run(second, sorting)));
        together.add(time(() -> run(connection, List.of(merged))));
        atOnce.add(
            time(
                () -> {
                  CompletableFuture<Void> beside =
                      CompletableFuture.runAsync(() -> runUnchecked(second, sorting));
                  run(connection, List.of(streaming));
                  try {
                    beside.join();
                  } catch (CompletionException e) {
                    throw new SQLException(e.getCause().getMessage(), e.getCause());
                  }
                }));
        progress.printf("%s: diagnosis %d/%d done%n", database.name(), round + 1, repeat);
      }
    }
    return List.of(
        String.format(
            Locale.ROOT,
            "the Nines queries sent directly, medians of %d (s): streaming scan alone %s ·"
                + " the %d sort-based queries alone, in turn %s · all merged into one query %s ·"
                + " streaming and sort-based at once on two connections %s",
            repeat,
            median(alone),
            sorting.size(),
            median(sorted),
            median(together),
            median(atOnce)));
  }

  /** One SELECT with every select list, over the same FROM (the queries have no WHERE). */
  static String merge(List<String> queries) {
    List<String> lists = new ArrayList<>();
    String from = null;
    for (String sql : queries) {
      int at = sql.lastIndexOf(" FROM ");
      lists.add(sql.substring("SELECT ".length(), at));
      from = sql.substring(at);
    }
    return "SELECT " + String.join(", ", lists) + from;
  }

  private static String median(List<Duration> times) {
    return String.format(Locale.ROOT, "%.2f", new Samples(times).medianSeconds());
  }

  private static void run(Connection connection, List<String> queries) throws SQLException {
    for (String sql : queries) {
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(sql)) {
        result.next();
      }
    }
  }

  private static void runUnchecked(Connection connection, List<String> queries) {
    try {
      run(connection, queries);
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  private interface Action {
    void run() throws SQLException;
  }

  private static Duration time(Action action) throws SQLException {
    long start = System.nanoTime();
    action.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
