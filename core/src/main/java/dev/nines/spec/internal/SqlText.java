package dev.nines.spec.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Light checks of SQL text written in a spec: one statement, a SELECT where one is required, and
 * filters that cannot close the parentheses they are wrapped in. Not a parser: the database has the
 * last word, with read-only connections.
 */
public final class SqlText {
  private SqlText() {}

  /** What is wrong with a query that must be a single SELECT, if anything. */
  public static Optional<String> selectProblem(String sql) {
    String code = withoutQuotesAndComments(sql);
    String trimmed = stripTrailingSemicolons(code).strip();
    if (trimmed.isEmpty()) {
      return Optional.of("is empty");
    }
    if (trimmed.contains(";")) {
      return Optional.of("holds more than one statement");
    }
    String unwrapped = trimmed.replaceFirst("^[\\s(]+", "");
    String firstWord = unwrapped.split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
    if (!firstWord.equals("select") && !firstWord.equals("with")) {
      return Optional.of("must be a SELECT (or WITH ... SELECT), not " + firstWord.toUpperCase());
    }
    return Optional.empty();
  }

  /** What is wrong with a filter that is ANDed into a WHERE clause, if anything. */
  public static Optional<String> filterProblem(String sql) {
    String code = withoutQuotesAndComments(sql);
    if (code.isBlank()) {
      return Optional.of("is empty");
    }
    if (code.contains(";")) {
      return Optional.of("must be one condition, without ';'");
    }
    int depth = 0;
    for (char character : code.toCharArray()) {
      depth += character == '(' ? 1 : character == ')' ? -1 : 0;
      if (depth < 0) {
        return Optional.of("closes a parenthesis it did not open");
      }
    }
    return depth == 0 ? Optional.empty() : Optional.of("leaves a parenthesis open");
  }

  /** The SQL without the semicolons and blanks that may end it, ready to be nested. */
  public static String withoutTrailingSemicolons(String sql) {
    return stripTrailingSemicolons(sql);
  }

  /** The SQL with string literals, quoted names and comments blanked out. */
  static String withoutQuotesAndComments(String sql) {
    StringBuilder code = new StringBuilder();
    int index = 0;
    while (index < sql.length()) {
      char character = sql.charAt(index);
      if (character == '\'' || character == '"' || character == '`') {
        int end = index + 1;
        while (end < sql.length()) {
          if (sql.charAt(end) == character) {
            // a doubled quote is an escaped quote inside the literal
            if (end + 1 < sql.length() && sql.charAt(end + 1) == character) {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        code.append(' ');
        index = end + 1;
      } else if (sql.startsWith("--", index)) {
        int end = sql.indexOf('\n', index);
        index = end < 0 ? sql.length() : end;
      } else if (sql.startsWith("/*", index)) {
        int end = sql.indexOf("*/", index + 2);
        index = end < 0 ? sql.length() : end + 2;
        code.append(' ');
      } else {
        code.append(character);
        index++;
      }
    }
    return code.toString();
  }

  private static String stripTrailingSemicolons(String code) {
    String result = code.strip();
    while (result.endsWith(";")) {
      result = result.substring(0, result.length() - 1).strip();
    }
    return result;
  }
}
