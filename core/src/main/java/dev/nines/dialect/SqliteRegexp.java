package dev.nines.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * The {@code REGEXP} function SQLite leaves to its host: {@code text REGEXP pattern} is true when
 * the Java pattern is found in the text. Kept apart so sqlite-jdbc stays an optional dependency.
 */
final class SqliteRegexp extends Function {
  private static final int CACHED_PATTERNS = 32;

  // One instance per connection, used by one thread at a time.
  private final Map<String, Pattern> patterns =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
          return size() > CACHED_PATTERNS;
        }
      };

  static void register(Connection connection) throws SQLException {
    Function.create(connection.unwrap(SQLiteConnection.class), "REGEXP", new SqliteRegexp());
  }

  @Override
  protected void xFunc() throws SQLException {
    String pattern = value_text(0);
    String text = value_text(1);
    if (pattern == null || text == null) {
      result();
      return;
    }
    Pattern compiled = patterns.computeIfAbsent(pattern, Pattern::compile);
    result(compiled.matcher(text).find() ? 1 : 0);
  }
}
