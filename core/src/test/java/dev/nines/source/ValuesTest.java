package dev.nines.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final ZoneId DENVER = ZoneId.of("America/Denver");

  @Test
  void zone_less_timestamps_are_read_in_the_sources_zone() {
    assertThat(Values.instant(LocalDateTime.of(2026, 1, 15, 5, 0), DENVER))
        .hasValue(Instant.parse("2026-01-15T12:00:00Z"));
    assertThat(Values.instant("2026-01-15 05:00:00", DENVER))
        .hasValue(Instant.parse("2026-01-15T12:00:00Z"));
    assertThat(Values.instant("2026-01-15T05:00:00.250", DENVER))
        .hasValue(Instant.parse("2026-01-15T12:00:00.250Z"));
  }

  @Test
  void timestamps_with_an_offset_keep_it() {
    assertThat(
            Values.instant(
                OffsetDateTime.of(2026, 1, 15, 14, 0, 0, 0, ZoneOffset.ofHours(2)), DENVER))
        .hasValue(Instant.parse("2026-01-15T12:00:00Z"));
    assertThat(Values.instant("2026-01-15 14:00:00+02:00", DENVER))
        .hasValue(Instant.parse("2026-01-15T12:00:00Z"));
  }

  @Test
  void dates_start_at_midnight_and_numbers_are_epoch_seconds() {
    assertThat(Values.instant(LocalDate.of(2026, 1, 15), ZoneOffset.UTC))
        .hasValue(Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(Values.instant("2026-01-15", ZoneOffset.UTC))
        .hasValue(Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(Values.instant(1768478400L, ZoneOffset.UTC))
        .hasValue(Instant.parse("2026-01-15T12:00:00Z"));
  }

  @Test
  void anything_else_is_not_a_time() {
    assertThat(Values.instant("yesterday", ZoneOffset.UTC)).isEmpty();
    assertThat(Values.instant(new Object(), ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void numbers_come_from_any_numeric_type_or_text() {
    assertThat(Values.number(new java.math.BigDecimal("12.50"))).hasValue(12.5);
    assertThat(Values.number(" 3 ")).hasValue(3.0);
    assertThat(Values.number("x")).isEmpty();
    assertThat(Values.number(null)).isEmpty();
  }
}
