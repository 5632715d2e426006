package dev.nines.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.store.PipelineRunRecord;
import dev.nines.store.PipelineRunState;
import java.time.Instant;
import java.util.List;
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
}
