package dev.nines.bench.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SloOptionsTest {
  @Test
  void defaults_are_the_four_sizes_of_the_issue_five_passes_on_h2() {
    SloOptions options = SloOptions.parse();

    assertThat(options.sizes()).containsExactly(1_000, 2_500, 5_000, 10_000);
    assertThat(options.passes()).isEqualTo(5);
    assertThat(options.databases()).containsExactly("h2");
  }

  @Test
  void db_all_runs_h2_then_postgres_and_slos_takes_a_list() {
    SloOptions options = SloOptions.parse("--db", "all", "--slos", "10, 20", "--passes", "2");

    assertThat(options.databases()).containsExactly("h2", "postgres");
    assertThat(options.sizes()).containsExactly(10, 20);
    assertThat(options.passes()).isEqualTo(2);
    assertThat(SloOptions.parse("--db", "postgres").databases()).containsExactly("postgres");
  }

  @Test
  void bad_options_are_named_in_the_message() {
    assertThatThrownBy(() -> SloOptions.parse("--db", "oracle"))
        .hasMessage("--db is h2, postgres or all, got 'oracle'");
    assertThatThrownBy(() -> SloOptions.parse("--slos", "1000,many"))
        .hasMessage("--slos takes whole numbers, got 'many'");
    assertThatThrownBy(() -> SloOptions.parse("--passes", "0"))
        .hasMessage("--passes must be at least 1, got 0");
    assertThatThrownBy(() -> SloOptions.parse("--passes"))
        .hasMessage("option --passes needs a value");
    assertThatThrownBy(() -> SloOptions.parse("--rows", "5")).hasMessage("unknown option --rows");
  }
}
