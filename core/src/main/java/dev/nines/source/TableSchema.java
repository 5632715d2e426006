package dev.nines.source;

import dev.nines.dialect.Relation;
import dev.nines.observation.ColumnInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A dataset's relation as the catalog knows it: the exact spelling of its name and its columns. */
public record TableSchema(Relation relation, List<ColumnInfo> columns) {
  public TableSchema {
    columns = List.copyOf(columns);
  }

  /**
   * The column a spec name refers to: the exact spelling first, else the only one equal ignoring
   * case (databases fold unquoted names to upper or lower case).
   */
  public Optional<ColumnInfo> column(String name) {
    for (ColumnInfo column : columns) {
      if (column.name().equals(name)) {
        return Optional.of(column);
      }
    }
    List<ColumnInfo> folded =
        columns.stream()
            .filter(
                column ->
                    column.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            .toList();
    return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
  }
}
