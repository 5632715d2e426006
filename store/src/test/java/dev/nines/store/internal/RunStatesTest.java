package dev.nines.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.store.PipelineRunRecord;
import dev.nines.store.PipelineRunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunStatesTest {
  static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
  static final UUID RUN = UUID.fromString("2c0f5a0e-3d55-4c8a-9f5e-6b1f2b8b9a01");

  @Test
  void other_alone_leaves_the_state_unknown() {
    assertThat(RunStates.derive(RUN, List.of(event("OTHER", 0))).state())
        .isEqualTo(PipelineRunState.UNKNOWN);
  }

  @Test
  void a_start_after_other_means_running() {
    assertThat(RunStates.derive(RUN, List.of(event("OTHER", 0), event("START", 1))).state())
        .isEqualTo(PipelineRunState.RUNNING);
  }

  @Test
  void a_terminal_event_wins_over_a_later_running_event() {
    PipelineRunRecord run =
        RunStates.derive(RUN, List.of(event("RUNNING", 50), event("FAIL", 10), event("START", 0)));

    assertThat(run.state()).isEqualTo(PipelineRunState.FAIL);
    assertThat(run.endedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(run.lastEventAt()).isEqualTo(T0.plusSeconds(50));
  }

  @Test
  void the_start_is_the_earliest_start_event() {
    PipelineRunRecord run =
        RunStates.derive(
            RUN, List.of(event("START", 20), event("START", 5), event("COMPLETE", 65)));

    assertThat(run.startedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(run.duration()).hasSeconds(60);
  }

  @Test
  void without_a_start_the_duration_is_unknown() {
    PipelineRunRecord run = RunStates.derive(RUN, List.of(event("COMPLETE", 65)));

    assertThat(run.state()).isEqualTo(PipelineRunState.COMPLETE);
    assertThat(run.startedAt()).isNull();
    assertThat(run.duration()).isNull();
  }

  @Test
  void a_failure_at_the_same_time_as_a_completion_wins() {
    assertThat(RunStates.derive(RUN, List.of(event("COMPLETE", 9), event("FAIL", 9))).state())
        .isEqualTo(PipelineRunState.FAIL);
  }

  private static EventFacts event(String type, long seconds) {
    return new EventFacts(
        type, T0.plusSeconds(seconds), "ns", "job", null, null, null, null, null, null);
  }

  @Test
  void folding_newer_events_into_a_stored_run_equals_deriving_from_every_event() {
    Random random = new Random(20261126);
    int folded = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      List<EventFacts> stored = randomEvents(random, 1 + random.nextInt(4), 0);
      PipelineRunRecord storedRun = RunStates.derive(RUN, stored);
      long newest = stored.stream().mapToLong(e -> e.eventTime().getEpochSecond()).max().orElse(0);
      List<EventFacts> added =
          randomEvents(random, 1 + random.nextInt(3), newest - T0.getEpochSecond());
      if (!RunStates.canFold(storedRun, added)) {
        continue;
      }
      folded++;
      List<EventFacts> all = new ArrayList<>(stored);
      all.addAll(added);
      assertThat(RunStates.fold(storedRun, added))
          .as("stored %s, added %s", stored, added)
          .isEqualTo(RunStates.derive(RUN, all));
    }
    assertThat(folded).isGreaterThan(3_000);
  }

  @Test
  void a_finished_run_or_an_event_older_than_the_newest_is_derived_again_not_folded() {
    PipelineRunRecord finished =
        RunStates.derive(RUN, List.of(event("START", 0), event("COMPLETE", 10)));
    PipelineRunRecord running =
        RunStates.derive(RUN, List.of(event("START", 0), event("RUNNING", 10)));

    assertThat(RunStates.canFold(finished, List.of(event("OTHER", 20)))).isFalse();
    assertThat(RunStates.canFold(running, List.of(event("COMPLETE", 9)))).isFalse();
    assertThat(RunStates.canFold(running, List.of(event("COMPLETE", 10)))).isTrue();
  }

  private static final String[] TYPES = {"START", "RUNNING", "COMPLETE", "FAIL", "ABORT", "OTHER"};

  /** Events with times from {@code fromSecond} on, few distinct values so ties are common. */
  private static List<EventFacts> randomEvents(Random random, int count, long fromSecond) {
    List<EventFacts> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean error = random.nextInt(3) == 0;
      events.add(
          new EventFacts(
              TYPES[random.nextInt(TYPES.length)],
              T0.plusSeconds(fromSecond + random.nextInt(3)),
              random.nextBoolean() ? "ns" + random.nextInt(2) : null,
              "job" + random.nextInt(2),
              random.nextBoolean() ? new UUID(0, random.nextInt(3)) : null,
              random.nextBoolean() ? T0.minusSeconds(random.nextInt(3)) : null,
              random.nextBoolean() ? T0.plusSeconds(random.nextInt(3)) : null,
              error ? "error " + random.nextInt(5) : null,
              error && random.nextBoolean() ? "trace " + random.nextInt(5) : null,
              random.nextBoolean() ? (long) random.nextInt(4) : null));
    }
    return events;
  }
}
