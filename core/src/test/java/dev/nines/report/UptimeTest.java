package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UptimeTest {
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  @Test
  void forty_three_point_two_minutes_down_in_thirty_days_is_three_nines() {
    Uptime uptime = new Uptime(THIRTY_DAYS.minusSeconds(2592), THIRTY_DAYS);

    assertThat(uptime.percent()).isEqualByComparingTo("99.9");
    assertThat(uptime.nines()).contains(new BigDecimal("3.0"));
    assertThat(uptime.describe()).isEqualTo("99.9% (3.0 nines)");
  }

  @Test
  void fractional_nines_are_rounded_down_to_one_decimal() {
    // 99.95% up: down share 0.0005, −log10 = 3.30103
    assertThat(new Uptime(THIRTY_DAYS.minusSeconds(1296), THIRTY_DAYS).nines())
        .contains(new BigDecimal("3.3"));
    // 99.5% up: −log10(0.005) = 2.30103
    assertThat(new Uptime(THIRTY_DAYS.minusSeconds(12960), THIRTY_DAYS).nines())
        .contains(new BigDecimal("2.3"));
    // 99.99% up: exactly 4
    assertThat(new Uptime(THIRTY_DAYS.minusMillis(259_200), THIRTY_DAYS).nines())
        .contains(new BigDecimal("4.0"));
  }

  @Test
  void no_downtime_has_no_number_of_nines() {
    Uptime uptime = new Uptime(THIRTY_DAYS, THIRTY_DAYS);

    assertThat(uptime.nines()).isEmpty();
    assertThat(uptime.describe()).isEqualTo("100% (no downtime)");
  }

  @Test
  void all_down_is_zero_nines_and_an_empty_span_is_all_up() {
    assertThat(new Uptime(Duration.ZERO, THIRTY_DAYS).nines()).contains(new BigDecimal("0.0"));
    assertThat(new Uptime(Duration.ZERO, Duration.ZERO).ratio()).isEqualByComparingTo("1");
  }

  @Test
  void uptime_longer_than_the_span_is_refused() {
    assertThatThrownBy(() -> new Uptime(Duration.ofHours(2), Duration.ofHours(1)))
        .hasMessageContaining("not within");
  }
}
