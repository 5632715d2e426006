package dev.nines.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void defaults_are_ten_million_rows_three_repetitions_both_databases() {
    BenchOptions options = BenchOptions.parse();
    assertThat(options.rows()).isEqualTo(10_000_000L);
    assertThat(options.repeat()).isEqualTo(3);
    assertThat(options.databases()).containsExactly("postgres", "duckdb");
    assertThat(options.record()).isNull();
    assertThat(options.diagnose()).isFalse();
  }

  @Test
  void diagnose_is_a_flag_that_takes_no_value() {
    BenchOptions options = BenchOptions.parse("--diagnose", "--rows", "1k");
    assertThat(options.diagnose()).isTrue();
    assertThat(options.rows()).isEqualTo(1_000L);
  }

  @Test
  void rows_accept_k_and_m_suffixes_and_db_picks_one_database() {
    BenchOptions options = BenchOptions.parse("--rows", "2m", "--repeat", "5", "--db", "duckdb");
    assertThat(options.rows()).isEqualTo(2_000_000L);
    assertThat(options.repeat()).isEqualTo(5);
    assertThat(options.databases()).isEqualTo(List.of("duckdb"));
  }

  @Test
  void bad_options_are_named_in_the_message() {
    assertThatThrownBy(() -> BenchOptions.parse("--rows", "many"))
        .hasMessage("--rows takes a whole number, got 'many'");
    assertThatThrownBy(() -> BenchOptions.parse("--db", "oracle"))
        .hasMessage("--db is postgres, duckdb or all, got 'oracle'");
    assertThatThrownBy(() -> BenchOptions.parse("--speed", "1"))
        .hasMessage("unknown option --speed");
    assertThatThrownBy(() -> BenchOptions.parse("--repeat"))
        .hasMessage("option --repeat needs a value");
  }
}
