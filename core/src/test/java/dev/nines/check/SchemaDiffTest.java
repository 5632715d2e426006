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

  /** A column as a catalog reports it, with its JDBC type code. */
  private static ColumnInfo catalog(String name, String type, int jdbcType, int position) {
    return new ColumnInfo(name, type, jdbcType, position, true);
  }

  @Test
  void diff_names_every_kind_of_change() {
    List<ColumnInfo> before =
        List.of(
            column("id", "int4", 1),
            column("name", "text", 2),
            catalog("age", "int4", Types.INTEGER, 3));
    List<ColumnInfo> after =
        List.of(
            catalog("age", "int8", Types.BIGINT, 1),
            column("id", "int4", 2),
            column("email", "text", 3));
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

  @Test
  void openlineage_type_names_match_the_catalog_names_of_the_same_family() {
    List<ColumnInfo> fromEvent =
        List.of(
            column("id", "integer", 1),
            column("customer", "string", 2),
            column("amount", "decimal(12,2)", 3),
            column("created_at", "timestamp", 4),
            column("paid", "boolean", 5));
    List<ColumnInfo> fromCatalog =
        List.of(
            catalog("id", "BIGINT", Types.BIGINT, 1),
            catalog("customer", "CHARACTER VARYING", Types.VARCHAR, 2),
            catalog("amount", "NUMERIC", Types.NUMERIC, 3),
            catalog("created_at", "TIMESTAMP", Types.TIMESTAMP, 4),
            catalog("paid", "BOOLEAN", Types.BOOLEAN, 5));
    assertThat(SchemaCheck.diff(fromEvent, fromCatalog)).isEmpty();
    assertThat(SchemaCheck.diff(fromCatalog, fromEvent)).isEmpty();
  }

  @Test
  void a_change_of_family_is_a_type_change_named_with_the_original_type_names() {
    List<ColumnInfo> fromEvent =
        List.of(column("id", "string", 1), column("created_at", "timestamp", 2));
    List<ColumnInfo> fromCatalog =
        List.of(
            catalog("id", "INTEGER", Types.INTEGER, 1),
            catalog("created_at", "TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE, 2));
    assertThat(SchemaCheck.diff(fromEvent, fromCatalog).get(Change.TYPE_CHANGED))
        .containsExactly(
            "column id changed type from string to INTEGER",
            "column created_at changed type from timestamp to TIMESTAMP WITH TIME ZONE");
  }
}
