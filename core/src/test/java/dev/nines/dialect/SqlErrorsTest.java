package dev.nines.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.ErrorCategory;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlErrorsTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "08001, CONNECTION",
    "08006, CONNECTION",
    "28P01, AUTHENTICATION",
    "28000, AUTHENTICATION",
    "42501, PERMISSION",
    "42P01, MISSING_TABLE",
    "42S02, MISSING_TABLE",
    "42703, MISSING_COLUMN",
    "57014, TIMEOUT",
    "42601, SQL",
    "22P02, SQL",
  })
  void sql_states_map_to_categories(String state, ErrorCategory category) {
    assertThat(SqlErrors.classify(new SQLException("boom", state))).isEqualTo(category);
  }

  @Test
  void a_refused_socket_in_the_cause_chain_is_a_connection_error() {
    SQLException error = new SQLException("pool timeout", null, new ConnectException("refused"));
    assertThat(SqlErrors.classify(error)).isEqualTo(ErrorCategory.CONNECTION);
  }

  @Test
  void vendor_codes_are_classified_by_their_dialect() {
    assertThat(new MySqlDialect().classify(new SQLException("denied", "28000", 1045)))
        .isEqualTo(ErrorCategory.AUTHENTICATION);
    assertThat(new MySqlDialect().classify(new SQLException("no table", "42S02", 1146)))
        .isEqualTo(ErrorCategory.MISSING_TABLE);
    assertThat(new MySqlDialect().classify(new SQLException("max_statement_time", "70100", 1969)))
        .isEqualTo(ErrorCategory.TIMEOUT);
    assertThat(new H2Dialect().classify(new SQLException("no table", "42S02", 42102)))
        .isEqualTo(ErrorCategory.MISSING_TABLE);
    assertThat(
            new DuckDbDialect()
                .classify(new SQLException("Catalog Error: Table with name x does not exist!")))
        .isEqualTo(ErrorCategory.MISSING_TABLE);
    assertThat(new DuckDbDialect().classify(new SQLException("INTERRUPT Error: Interrupted!")))
        .isEqualTo(ErrorCategory.TIMEOUT);
    assertThat(new SqliteDialect().classify(new SQLException("[SQLITE_ERROR] no such column: x")))
        .isEqualTo(ErrorCategory.MISSING_COLUMN);
  }
}
