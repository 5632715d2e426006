package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportInstantTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void an_instant_with_z_or_an_offset_is_read_as_written_whatever_the_zone() {
    assertThat(ReportInstant.parse("2026-10-20T12:00Z", PARIS, NOW))
        .isEqualTo(Instant.parse("2026-10-20T12:00:00Z"));
    assertThat(ReportInstant.parse(" 2026-10-20T14:00:30+02:00 ", ZoneOffset.UTC, NOW))
        .isEqualTo(Instant.parse("2026-10-20T12:00:30Z"));
  }

  @Test
  void a_local_date_time_or_a_date_is_read_in_the_zone() {
    // Paris is on summer time (UTC+2) until October 25, 2026
    assertThat(ReportInstant.parse("2026-10-20T12:00", PARIS, NOW))
        .isEqualTo(Instant.parse("2026-10-20T10:00:00Z"));
    assertThat(ReportInstant.parse("2026-11-02", PARIS, NOW))
        .isEqualTo(Instant.parse("2026-11-01T23:00:00Z"));
  }

  @Test
  void something_else_is_refused_with_what_to_write() {
    assertThatThrownBy(() -> ReportInstant.parse("yesterday", PARIS, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'yesterday' is not an instant: write 2026-10-20T12:00Z, 2026-10-20T12:00+02:00, or"
                + " a local date-time (2026-10-20T12:00) or date read in the zone");
    assertThatThrownBy(() -> ReportInstant.parse("2026-10-32T12:00Z", PARIS, NOW))
        .hasMessageStartingWith("'2026-10-32T12:00Z' is not an instant");
  }

  @Test
  void an_instant_after_now_is_refused() {
    assertThatThrownBy(() -> ReportInstant.parse("2026-11-26T12:00:01Z", PARIS, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in the future");
    assertThat(ReportInstant.parse("2026-11-26T12:00Z", PARIS, NOW)).isEqualTo(NOW);
  }
}
