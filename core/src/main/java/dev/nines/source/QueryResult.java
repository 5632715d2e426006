package dev.nines.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a small query result with values normalized: numbers as {@link Number}, timestamps as
 * {@link java.time.LocalDateTime} (no zone) or {@link java.time.OffsetDateTime}, dates as {@link
 * java.time.LocalDate}, text as String.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** The value at row 0, column {@code index}; null when there is no row. */
  public Object first(int index) {
    return rows.isEmpty() ? null : rows.get(0).get(index);
  }
}
