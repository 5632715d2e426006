package dev.nines.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Bounds;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.Expectation;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreJsonTest {
  private final StoreJson json = new StoreJson();

  @Test
  void an_expectation_round_trips_with_open_ends_and_keeps_a_stable_shape() {
    Expectation expectation =
        new Expectation(new Bounds(null, 86_400.0), new Bounds(0.5, 43_200.0), "seconds", "≤ 24h");

    String text = json.writeExpectation(expectation);

    assertThat(text)
        .isEqualTo(
            "{\"fail\":{\"min\":null,\"max\":86400.0},\"warn\":{\"min\":0.5,\"max\":43200.0},"
                + "\"unit\":\"seconds\",\"text\":\"≤ 24h\"}");
    assertThat(json.readExpectation(text)).isEqualTo(expectation);
    assertThat(json.readExpectation(json.writeExpectation(new Expectation(null, null, null, null))))
        .isEqualTo(new Expectation(Bounds.NONE, Bounds.NONE, null, null));
    assertThat(json.writeExpectation(null)).isNull();
  }

  @Test
  void lines_round_trip_with_quotes_backslashes_and_newlines() {
    List<String> lines = List.of("select \"a\"\nfrom t", "C:\\path", "");

    assertThat(json.readLines(json.writeLines(lines))).isEqualTo(lines);
    assertThat(json.writeLines(null)).isEqualTo("[]");
  }

  @Test
  void columns_round_trip() {
    List<ColumnInfo> columns =
        List.of(
            new ColumnInfo("id", "BIGINT", Types.BIGINT, 1, false),
            new ColumnInfo(
                "loaded_at", "timestamp with time zone", Types.TIMESTAMP_WITH_TIMEZONE, 2, true));

    assertThat(json.readColumns(json.writeColumns(columns))).isEqualTo(columns);
  }
}
