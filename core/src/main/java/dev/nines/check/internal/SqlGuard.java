package dev.nines.check.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts only a single read-only SELECT (or WITH ... SELECT) for custom SQL. Connections are
 * read-only too; this catches mistakes early, with a message naming the problem.
 */
public final class SqlGuard {
  private static final Pattern WRITES =
      Pattern.compile(
          "\\b(INSERT|UPDATE|DELETE|MERGE|UPSERT|DROP|CREATE|ALTER|TRUNCATE|GRANT|REVOKE|INTO)\\b");
  private static final Pattern FIRST_WORD = Pattern.compile("^[\\s(]*([A-Za-z]+)");

  private SqlGuard() {}

  /** Why the SQL is not acceptable, empty when it is a single read-only query. */
  public static Optional<String> problem(String sql) {
    String code = stripLiteralsAndComments(sql).strip();
    while (code.endsWith(";")) {
      code = code.substring(0, code.length() - 1).strip();
    }
    if (code.isEmpty()) {
      return Optional.of("is empty");
    }
    if (code.contains(";")) {
      return Optional.of("must be a single statement: remove the ';' between statements");
    }
    Matcher first = FIRST_WORD.matcher(code);
    String keyword = first.find() ? first.group(1).toUpperCase(Locale.ROOT) : "";
    if (!keyword.equals("SELECT") && !keyword.equals("WITH")) {
      return Optional.of("must be a SELECT (or WITH ... SELECT) query");
    }
    Matcher write = WRITES.matcher(code.toUpperCase(Locale.ROOT));
    if (write.find()) {
      return Optional.of(
          "must only read: " + write.group(1) + " is not allowed in a check's query");
    }
    return Optional.empty();
  }

  /** The SQL with string literals, quoted names and comments blanked out. */
  static String stripLiteralsAndComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
        out.append(' ');
      } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
        out.append(' ');
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = closing(sql, i, c);
        i = end;
        out.append(c == '\'' ? "''" : "x");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index after the quote closing the one at {@code start}; doubled quotes are escapes. */
  private static int closing(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
