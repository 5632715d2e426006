package dev.nines.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchEventsTest {
  @Test
  void events_come_as_start_then_complete_of_one_run_with_the_openlineage_fields() {
    List<BenchEvent> events = BenchEvents.startCompletePairs(4, 7);

    assertThat(events)
        .extracting(BenchEvent::eventType)
        .containsExactly("START", "COMPLETE", "START", "COMPLETE");
    assertThat(events.get(0).runId())
        .isEqualTo(events.get(1).runId())
        .isNotEqualTo(events.get(2).runId());
    assertThat(events.get(1).eventTime()).isAfter(events.get(0).eventTime());
    assertThat(events.get(1).json())
        .contains("\"eventType\":\"COMPLETE\"", "\"outputStatistics\"", "\"schemaURL\"");
    assertThat(events.get(0).json()).contains("\"nominalTime\"", "\"parent\"");
  }

  @Test
  void another_seed_gives_other_runs() {
    assertThat(BenchEvents.startCompletePairs(2, 1).get(0).runId())
        .isNotEqualTo(BenchEvents.startCompletePairs(2, 2).get(0).runId());
  }

  @Test
  void percentiles_read_the_sorted_latencies() {
    LoadResult result =
        new LoadResult(
            4,
            4,
            java.time.Duration.ofSeconds(2),
            new long[] {4_000_000, 1_000_000, 3_000_000, 2_000_000});

    assertThat(result.eventsPerSecond()).isEqualTo(2.0);
    assertThat(result.percentileMillis(0.5)).isEqualTo(2.0);
    assertThat(result.percentileMillis(0.99)).isEqualTo(4.0);
  }
}
