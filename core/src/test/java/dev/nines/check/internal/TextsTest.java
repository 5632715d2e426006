package dev.nines.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void counts_are_grouped_by_thousands() {
    assertThat(Texts.count(1000)).isEqualTo("1,000");
    assertThat(Texts.count(1234567)).isEqualTo("1,234,567");
    assertThat(Texts.count(2.5)).isEqualTo("2.5");
  }

  @Test
  void ratios_read_as_percentages() {
    assertThat(Texts.percent(0.3)).isEqualTo("30%");
    assertThat(Texts.percent(0.2875)).isEqualTo("28.75%");
    assertThat(Texts.percent(2)).isEqualTo("200%");
  }

  @Test
  void ages_read_as_durations() {
    assertThat(Texts.age(108000)).isEqualTo("1d 6h");
    assertThat(Texts.age(90)).isEqualTo("1m");
    assertThat(Texts.age(42)).isEqualTo("42s");
  }

  @Test
  void limits_show_the_count_a_percentage_means_now() {
    assertThat(new Limit(0.05, true).describe(200)).isEqualTo("5% of rows (10)");
    assertThat(new Limit(3, false).describe(200)).isEqualTo("3");
    assertThat(new Limit(0.05, true).rowsOf(200)).isEqualTo(10.0);
  }
}
