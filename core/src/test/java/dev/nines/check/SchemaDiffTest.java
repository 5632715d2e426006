package dev.nines.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.SchemaCheck.Change;
import dev.nines.observation.ColumnInfo;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
  private static ColumnInfo column(String name, String type, int position) {
    return new ColumnInfo(name, type, Types.OTHER, position, true);
  }

  @Test
  void diff_names_every_kind_of_change() {
    List<ColumnInfo> before =
        List.of(column("id", "int4", 1), column("name", "text", 2), column("age", "int4", 3));
    List<ColumnInfo> after =
        List.of(column("age", "int8", 1), column("id", "int4", 2), column("email", "text", 3));
    Map<Change, List<String>> diff = SchemaCheck.diff(before, after);
    assertThat(diff.get(Change.COLUMN_REMOVED)).containsExactly("column name was removed");
    assertThat(diff.get(Change.TYPE_CHANGED))
        .containsExactly("column age changed type from int4 to int8");
    assertThat(diff.get(Change.COLUMN_ADDED)).containsExactly("column email was added (text)");
    assertThat(diff.get(Change.COLUMN_REORDERED))
        .containsExactly("columns were reordered: age, id");
  }

  @Test
  void an_unchanged_schema_has_no_change_and_ignores_case_of_names_and_types() {
    List<ColumnInfo> before = List.of(column("ID", "INTEGER", 1));
    List<ColumnInfo> after = List.of(column("id", "integer", 1));
    assertThat(SchemaCheck.diff(before, after)).isEmpty();
  }
}
