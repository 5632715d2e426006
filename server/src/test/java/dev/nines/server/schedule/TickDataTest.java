package dev.nines.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickDataTest {
  @Test
  void a_schedule_key_alone_reads_back_without_an_owed_tick() {
    TickData data = TickData.decode(TickData.of("cron 0 2 * * * UTC +1234ms").encode());

    assertThat(data).isEqualTo(new TickData("cron 0 2 * * * UTC +1234ms", null));
  }

  @Test
  void an_owed_tick_reads_back_to_the_millisecond() {
    Instant tick = Instant.parse("2026-03-01T12:00:00.123Z");

    assertThat(TickData.decode(new TickData("every PT1S +12ms", tick).encode()))
        .isEqualTo(new TickData("every PT1S +12ms", tick));
  }

  @Test
  void missing_data_reads_as_an_empty_key_so_the_schedule_is_realigned() {
    assertThat(TickData.decode(null)).isEqualTo(new TickData("", null));
  }
}
