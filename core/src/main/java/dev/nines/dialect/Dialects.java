package dev.nines.dialect;

import java.util.List;
import java.util.Optional;

/** The one place where SQL dialects are registered; chooses one by JDBC url. */
public final class Dialects {
  private final List<Dialect> dialects;

  private Dialects(List<Dialect> dialects) {
    this.dialects = List.copyOf(dialects);
  }

  /** Every built-in dialect. */
  public static Dialects builtIn() {
    return new Dialects(
        List.of(
            new PostgresDialect(),
            new MySqlDialect(),
            new H2Dialect(),
            new DuckDbDialect(),
            new SqliteDialect()));
  }

  /** The dialect for a JDBC url, empty when none speaks to that database. */
  public Optional<Dialect> forUrl(String jdbcUrl) {
    if (jdbcUrl == null) {
      return Optional.empty();
    }
    return dialects.stream().filter(dialect -> dialect.handles(jdbcUrl)).findFirst();
  }

  /** Names of the known dialects, for messages. */
  public List<String> names() {
    return dialects.stream().map(Dialect::name).toList();
  }
}
