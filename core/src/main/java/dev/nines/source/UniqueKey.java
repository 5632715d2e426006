package dev.nines.source;

import java.util.Set;

/**
 * Columns the catalog guarantees to hold no two equal rows among rows without a NULL in them: a
 * primary key, a unique constraint, or a unique index over plain columns without a predicate.
 *
 * @param description what guarantees it, e.g. {@code primary key} or {@code unique index sku_key}
 * @param columns the columns, spelled as the catalog spells them
 */
public record UniqueKey(String description, Set<String> columns) {
  public UniqueKey {
    columns = Set.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a unique key has at least one column");
    }
  }

  /** Whether every row with these columns all non-null is unique: they include the whole key. */
  public boolean covers(Set<String> keyColumns) {
    return keyColumns.containsAll(columns);
  }
}
