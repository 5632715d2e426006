package dev.nines.pipeline;

import static dev.nines.pipeline.Runs.completed;
import static dev.nines.pipeline.Runs.daily;
import static dev.nines.pipeline.Runs.failed;
import static dev.nines.pipeline.Runs.history;
import static dev.nines.pipeline.Runs.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.PipelineSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineWatcherTest {
  private static final Instant WATCHED_SINCE = Instant.parse("2026-03-10T00:00:00Z");
  private static final PipelineSpec NIGHTLY =
      daily(Duration.ofMinutes(30), Duration.ofHours(1), null);

  private final TestClock clock = new TestClock(WATCHED_SINCE);
  private final PipelineWatcher watcher = new PipelineWatcher(clock);

  /** Findings as "rule STATUS at observed-time: message". */
  private List<String> judge(PipelineSpec pipeline, List<PipelineRun> runs) {
    return lines(watcher.evaluate(pipeline, runs, WATCHED_SINCE));
  }

  private static List<String> lines(List<PipelineFinding> findings) {
    return findings.stream()
        .map(PipelineFinding::observation)
        .map(
            observation ->
                observation.check()
                    + " "
                    + observation.status()
                    + " at "
                    + observation.observedAt()
                    + ": "
                    + observation.message())
        .toList();
  }

  private List<String> judgeRun(PipelineSpec pipeline, List<PipelineRun> runs, String runId) {
    return lines(
        watcher.evaluate(pipeline, runs, WATCHED_SINCE).stream()
            .filter(finding -> runId.equals(finding.runId()) && !finding.rule().judgesSlots())
            .toList());
  }

  @Test
  void a_run_on_time_passes_every_rule() {
    clock.set("2026-03-10T04:00:00Z");

    assertThat(
            judge(
                NIGHTLY,
                List.of(completed("r1", "2026-03-10T02:05:00Z", "2026-03-10T02:45:00Z", 1200L))))
        .containsExactly(
            "missed PASS at 2026-03-10T02:05:00Z: started 5m after its scheduled time 2026-03-10"
                + " 02:00 UTC",
            "failed PASS at 2026-03-10T02:45:00Z: completed",
            "timeout PASS at 2026-03-10T02:45:00Z: ran 40m, within its max_duration 1h",
            "late PASS at 2026-03-10T02:45:00Z: completed 45m after its scheduled time 2026-03-10"
                + " 02:00 UTC, within its deadline",
            "at_risk PASS at 2026-03-10T02:45:00Z: finished at 2026-03-10 02:45 UTC",
            "rows PASS at 2026-03-10T02:45:00Z: wrote 1,200 rows");
  }

  @Test
  void a_run_that_never_starts_is_missed_exactly_at_schedule_plus_grace() {
    clock.set("2026-03-10T02:29:59Z");
    assertThat(judge(NIGHTLY, List.of())).as("one second before it is due").isEmpty();

    clock.set("2026-03-10T02:30:00Z");
    List<PipelineFinding> findings = watcher.evaluate(NIGHTLY, List.of(), WATCHED_SINCE);

    assertThat(findings).hasSize(1);
    PipelineFinding missed = findings.get(0);
    assertThat(missed.key()).isEqualTo("load_orders/missed/2026-03-10T02:00:00Z");
    Observation observation = missed.observation();
    assertThat(observation.dataset()).isEqualTo("load_orders");
    assertThat(observation.check()).isEqualTo("missed");
    assertThat(observation.checkType()).isEqualTo("pipeline_missed");
    assertThat(observation.status()).isEqualTo(Status.FAIL);
    assertThat(observation.kind()).isEqualTo(Kind.SYSTEM);
    assertThat(observation.observedAt()).isEqualTo(Instant.parse("2026-03-10T02:30:00Z"));
    assertThat(observation.message())
        .isEqualTo("missed: no run started within 30m of its scheduled time 2026-03-10 02:00 UTC");
    assertThat(observation.details())
        .containsExactly("scheduled 2026-03-10 02:00 UTC, due to start by 2026-03-10 02:30 UTC");
  }

  @Test
  void judging_again_later_gives_equal_findings_and_the_deadline_adds_late() {
    clock.set("2026-03-10T02:31:00Z");
    List<PipelineFinding> first = watcher.evaluate(NIGHTLY, List.of(), WATCHED_SINCE);
    clock.set("2026-03-10T03:29:59Z");
    List<PipelineFinding> again = watcher.evaluate(NIGHTLY, List.of(), WATCHED_SINCE);

    assertThat(again).isEqualTo(first);

    clock.set("2026-03-10T03:30:00Z");
    assertThat(judge(NIGHTLY, List.of()))
        .containsExactly(
            "missed FAIL at 2026-03-10T02:30:00Z: missed: no run started within 30m of its"
                + " scheduled time 2026-03-10 02:00 UTC",
            "late FAIL at 2026-03-10T03:30:00Z: not completed by its deadline 2026-03-10 03:30"
                + " UTC (scheduled 2026-03-10 02:00 UTC)");
  }

  @Test
  void a_run_starting_after_its_grace_leaves_the_slot_missed_and_names_the_late_run() {
    clock.set("2026-03-10T02:50:00Z");

    List<PipelineFinding> findings =
        watcher.evaluate(NIGHTLY, List.of(running("r1", "2026-03-10T02:40:00Z")), WATCHED_SINCE);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).observation().status()).isEqualTo(Status.FAIL);
    assertThat(findings.get(0).runId()).isEqualTo("r1");
    assertThat(findings.get(0).observation().details())
        .containsExactly(
            "scheduled 2026-03-10 02:00 UTC, due to start by 2026-03-10 02:30 UTC",
            "run r1 started late, at 2026-03-10 02:40 UTC");
  }

  @Test
  void a_failed_run_is_a_system_failure_carrying_its_error_message() {
    clock.set("2026-03-10T02:20:00Z");
    String error =
        "java.lang.IllegalStateException: upstream table is locked\n"
            + "\tat dev.example.Load.run(Load.java:42)";

    List<PipelineFinding> findings =
        watcher.evaluate(
            NIGHTLY,
            List.of(failed("r1", "2026-03-10T02:01:00Z", "2026-03-10T02:10:00Z", error)),
            WATCHED_SINCE);

    PipelineFinding failure =
        findings.stream().filter(f -> f.rule() == PipelineRule.FAILED).findFirst().orElseThrow();
    assertThat(failure.observation().status()).isEqualTo(Status.FAIL);
    assertThat(failure.observation().kind()).isEqualTo(Kind.SYSTEM);
    assertThat(failure.observation().observedAt()).isEqualTo(Instant.parse("2026-03-10T02:10:00Z"));
    assertThat(failure.observation().message())
        .isEqualTo("failed: java.lang.IllegalStateException: upstream table is locked");
    assertThat(failure.observation().details())
        .containsExactly(
            "run r1 of job airflow/orders_dag.load_orders",
            "java.lang.IllegalStateException: upstream table is locked",
            "\tat dev.example.Load.run(Load.java:42)");
    assertThat(failure.key()).isEqualTo("load_orders/failed/r1");
    assertThat(lines(findings))
        .as("it started in time and its rows are unknown")
        .containsExactly(
            "missed PASS at 2026-03-10T02:01:00Z: started 1m after its scheduled time 2026-03-10"
                + " 02:00 UTC",
            "failed FAIL at 2026-03-10T02:10:00Z: failed:"
                + " java.lang.IllegalStateException: upstream table is locked",
            "timeout PASS at 2026-03-10T02:10:00Z: ran 9m, within its max_duration 1h",
            "at_risk PASS at 2026-03-10T02:10:00Z: finished at 2026-03-10 02:10 UTC");
  }

  @Test
  void an_aborted_run_without_a_message_says_so() {
    clock.set("2026-03-10T02:20:00Z");
    PipelineRun aborted =
        new PipelineRun(
            "r1",
            "load_orders",
            "airflow",
            "orders_dag.load_orders",
            RunState.ABORTED,
            null,
            Instant.parse("2026-03-10T02:01:00Z"),
            Instant.parse("2026-03-10T02:03:00Z"),
            null,
            null);

    assertThat(judgeRun(NIGHTLY, List.of(aborted), "r1"))
        .contains("failed FAIL at 2026-03-10T02:03:00Z: aborted");
  }

  @Test
  void a_hung_run_times_out_exactly_at_its_max_duration() {
    List<PipelineRun> runs = List.of(running("r1", "2026-03-10T02:05:00Z"));
    clock.set("2026-03-10T03:04:59Z");
    assertThat(judgeRun(NIGHTLY, runs, "r1")).noneMatch(line -> line.startsWith("timeout"));

    clock.set("2026-03-10T03:05:00Z");
    assertThat(judgeRun(NIGHTLY, runs, "r1"))
        .contains(
            "timeout FAIL at 2026-03-10T03:05:00Z: timeout: still running after its max_duration"
                + " 1h (started 2026-03-10 02:05 UTC)");

    clock.set("2026-03-10T03:40:00Z");
    assertThat(
            judgeRun(
                NIGHTLY,
                List.of(completed("r1", "2026-03-10T02:05:00Z", "2026-03-10T03:35:00Z", 10L)),
                "r1"))
        .as("once it ends the failure keeps its time and gives the whole duration")
        .contains(
            "timeout FAIL at 2026-03-10T03:05:00Z: ran 1h 30m, longer than its max_duration 1h");
  }

  @Test
  void a_run_finishing_after_its_deadline_is_a_warning_and_none_by_then_a_failure() {
    PipelineSpec withDeadline =
        daily(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(1));
    clock.set("2026-03-10T03:00:00Z");
    assertThat(judge(withDeadline, List.of(running("r1", "2026-03-10T02:10:00Z"))))
        .contains(
            "late FAIL at 2026-03-10T03:00:00Z: not completed by its deadline 2026-03-10 03:00"
                + " UTC (scheduled 2026-03-10 02:00 UTC)");

    clock.set("2026-03-10T03:30:00Z");
    assertThat(
            judge(
                withDeadline,
                List.of(completed("r1", "2026-03-10T02:10:00Z", "2026-03-10T03:20:00Z", 5L))))
        .contains(
            "late WARN at 2026-03-10T03:20:00Z: completed 1h 20m after its scheduled time"
                + " 2026-03-10 02:00 UTC, 20m past its deadline 2026-03-10 03:00 UTC");
  }

  @Test
  void zero_rows_and_rows_below_min_rows_are_data_failures() {
    PipelineSpec atLeastThousand =
        Runs.pipeline("0 2 * * *", Runs.UTC, null, null, null, 1000, null);
    clock.set("2026-03-10T04:00:00Z");
    PipelineRun empty = completed("r1", "2026-03-10T02:05:00Z", "2026-03-10T02:15:00Z", 0L);
    PipelineRun small = completed("r2", "2026-03-10T02:20:00Z", "2026-03-10T02:30:00Z", 999L);

    List<PipelineFinding> findings =
        watcher.evaluate(atLeastThousand, List.of(empty, small), WATCHED_SINCE);

    List<Observation> rows =
        findings.stream()
            .filter(f -> f.rule() == PipelineRule.ROWS)
            .map(PipelineFinding::observation)
            .toList();
    assertThat(rows)
        .extracting(Observation::message)
        .containsExactly("wrote 0 rows", "wrote 999 rows, fewer than min_rows 1,000");
    assertThat(rows).extracting(Observation::kind).containsOnly(Kind.DATA);
    assertThat(rows).extracting(Observation::value).containsExactly(0.0, 999.0);
    assertThat(rows.get(1).expectation().fail().min()).isEqualTo(1000.0);
  }

  @Test
  void a_run_writing_far_fewer_rows_than_the_median_of_recent_runs_fails() {
    clock.set("2026-03-10T04:00:00Z");
    List<PipelineRun> runs = new ArrayList<>(history(5, 40, 10_000L));
    runs.add(completed("today", "2026-03-10T02:05:00Z", "2026-03-10T02:45:00Z", 4_000L));

    assertThat(judgeRun(NIGHTLY, runs, "today"))
        .contains(
            "rows FAIL at 2026-03-10T02:45:00Z: wrote unusually few rows: 4,000 rows, 40% of the"
                + " median 10,000 of the last successful runs (below 50%)");

    runs.set(5, completed("today", "2026-03-10T02:05:00Z", "2026-03-10T02:45:00Z", 5_000L));
    assertThat(judgeRun(NIGHTLY, runs, "today"))
        .as("exactly half the median is enough")
        .contains("rows PASS at 2026-03-10T02:45:00Z: wrote 5,000 rows");
  }

  @Test
  void too_little_history_judges_rows_by_min_rows_only() {
    clock.set("2026-03-10T04:00:00Z");
    List<PipelineRun> runs = new ArrayList<>(history(2, 40, 10_000L));
    runs.add(completed("today", "2026-03-10T02:05:00Z", "2026-03-10T02:45:00Z", 10L));

    assertThat(judgeRun(NIGHTLY, runs, "today"))
        .contains("rows PASS at 2026-03-10T02:45:00Z: wrote 10 rows");
  }

  @Test
  void with_min_rows_zero_an_empty_run_is_accepted_even_against_history() {
    PipelineSpec emptyAllowed =
        Runs.pipeline("0 2 * * *", Runs.UTC, null, null, null, 0, PipelineSpec.FewRows.DEFAULT);
    clock.set("2026-03-10T04:00:00Z");
    List<PipelineRun> runs = new ArrayList<>(history(5, 40, 10_000L));
    runs.add(completed("today", "2026-03-10T02:05:00Z", "2026-03-10T02:45:00Z", 0L));

    assertThat(judgeRun(emptyAllowed, runs, "today"))
        .contains("rows PASS at 2026-03-10T02:45:00Z: wrote 0 rows");
  }

  @Test
  void a_run_that_started_too_late_for_its_typical_duration_is_at_risk_from_its_start() {
    // deadline 03:30; a typical run takes 50m; this one starts at 02:50
    PipelineSpec withDeadline = daily(Duration.ofHours(1), null, Duration.ofMinutes(90));
    List<PipelineRun> runs = new ArrayList<>(history(5, 50, 100L));
    runs.add(running("today", "2026-03-10T02:50:00Z"));
    clock.set("2026-03-10T02:50:00Z");

    assertThat(judgeRun(withDeadline, runs, "today"))
        .containsExactly(
            "at_risk WARN at 2026-03-10T02:50:00Z: at risk of missing its deadline 2026-03-10"
                + " 03:30 UTC: started 2026-03-10 02:50 UTC and a typical run takes 50m");
  }

  @Test
  void a_run_slower_than_typical_is_at_risk_once_it_outlasts_a_typical_run_before_the_deadline() {
    // deadline 03:30; starts 02:00, so 80% of its time is 72m; a typical run takes 75m
    PipelineSpec withDeadline = daily(Duration.ofMinutes(30), null, Duration.ofMinutes(90));
    List<PipelineRun> runs = new ArrayList<>(history(5, 75, 100L));
    runs.add(running("today", "2026-03-10T02:00:00Z"));

    clock.set("2026-03-10T03:14:59Z");
    assertThat(judgeRun(withDeadline, runs, "today")).isEmpty();

    clock.set("2026-03-10T03:15:00Z");
    assertThat(judgeRun(withDeadline, runs, "today"))
        .containsExactly(
            "at_risk WARN at 2026-03-10T03:15:00Z: at risk of missing its deadline 2026-03-10"
                + " 03:30 UTC: still running 1h 15m after its start 2026-03-10 02:00 UTC; a"
                + " typical run takes 1h 15m");
  }

  @Test
  void without_history_a_run_is_at_risk_after_eighty_percent_of_its_time_to_the_deadline() {
    List<PipelineRun> runs = List.of(running("today", "2026-03-10T02:00:00Z"));
    // max_duration 1h ends at 03:00, before the 03:30 deadline: 80% of 60m is 48m
    clock.set("2026-03-10T02:47:59Z");
    assertThat(judgeRun(NIGHTLY, runs, "today")).isEmpty();

    clock.set("2026-03-10T02:48:00Z");
    assertThat(judgeRun(NIGHTLY, runs, "today"))
        .containsExactly(
            "at_risk WARN at 2026-03-10T02:48:00Z: at risk of missing its max_duration 2026-03-10"
                + " 03:00 UTC: still running 48m after its start 2026-03-10 02:00 UTC, 80% of its"
                + " time to its max_duration");
  }

  @Test
  void slots_before_the_watch_began_or_outside_the_lookback_are_not_judged() {
    clock.set("2026-03-12T03:00:00Z");
    PipelineWatcher shortMemory =
        new PipelineWatcher(clock, new WatchSettings(Duration.ofHours(30), 200, 10, 3, 0.8));

    assertThat(shortMemory.evaluate(NIGHTLY, List.of()))
        .extracting(PipelineFinding::key)
        .containsExactly(
            "load_orders/missed/2026-03-11T02:00:00Z",
            "load_orders/late/2026-03-11T02:00:00Z",
            "load_orders/missed/2026-03-12T02:00:00Z");
    assertThat(shortMemory.evaluate(NIGHTLY, List.of(), Instant.parse("2026-03-12T00:00:00Z")))
        .extracting(PipelineFinding::key)
        .containsExactly("load_orders/missed/2026-03-12T02:00:00Z");
  }

  @Test
  void a_run_whose_nominal_time_is_a_fire_belongs_to_that_slot() {
    clock.set("2026-03-11T01:00:00Z");
    PipelineRun rerun =
        new PipelineRun(
            "rerun",
            "load_orders",
            "airflow",
            "orders_dag.load_orders",
            RunState.COMPLETED,
            Instant.parse("2026-03-10T02:00:00Z"),
            Instant.parse("2026-03-10T02:20:00Z"),
            Instant.parse("2026-03-10T02:40:00Z"),
            50L,
            null);

    assertThat(PipelineWatcher.slotOf(NIGHTLY, rerun))
        .contains(Instant.parse("2026-03-10T02:00:00Z"));
    assertThat(judge(NIGHTLY, List.of(rerun))).first().asString().startsWith("missed PASS");
  }

  @Test
  void a_daily_job_in_the_spring_forward_gap_is_due_at_its_moved_time() {
    // Paris, 2026-03-29: 02:30 does not exist, the slot is 03:30 CEST = 01:30Z
    PipelineSpec paris =
        Runs.pipeline(
            "30 2 * * *", ZoneId.of("Europe/Paris"), Duration.ofMinutes(10), null, null, 1, null);
    clock.set("2026-03-29T01:39:59Z");
    assertThat(watcher.evaluate(paris, List.of(), Instant.parse("2026-03-29T00:00:00Z"))).isEmpty();

    clock.set("2026-03-29T01:40:00Z");
    assertThat(lines(watcher.evaluate(paris, List.of(), Instant.parse("2026-03-29T00:00:00Z"))))
        .containsExactly(
            "missed FAIL at 2026-03-29T01:40:00Z: missed: no run started within 10m of its"
                + " scheduled time 2026-03-29 03:30 Europe/Paris");
  }

  @Test
  void an_unscheduled_pipeline_is_judged_by_its_runs_only() {
    PipelineSpec onDemand =
        Runs.pipeline(null, Runs.UTC, null, Duration.ofMinutes(30), null, 1, null);
    clock.set("2026-03-10T12:00:00Z");

    assertThat(
            judge(
                onDemand,
                List.of(completed("r1", "2026-03-10T10:00:00Z", "2026-03-10T10:10:00Z", 3L))))
        .containsExactly(
            "failed PASS at 2026-03-10T10:10:00Z: completed",
            "timeout PASS at 2026-03-10T10:10:00Z: ran 10m, within its max_duration 30m",
            "at_risk PASS at 2026-03-10T10:10:00Z: finished at 2026-03-10 10:10 UTC",
            "rows PASS at 2026-03-10T10:10:00Z: wrote 3 rows");
  }

  @Test
  void runs_of_other_pipelines_are_ignored_and_runs_may_come_in_any_order() {
    clock.set("2026-03-10T04:00:00Z");
    PipelineRun other =
        new PipelineRun(
            "other",
            "load_payments",
            "airflow",
            "payments_dag.load",
            RunState.COMPLETED,
            null,
            Instant.parse("2026-03-10T02:05:00Z"),
            Instant.parse("2026-03-10T02:10:00Z"),
            5L,
            null);
    PipelineRun first = completed("r1", "2026-03-10T02:05:00Z", "2026-03-10T02:10:00Z", 5L);
    PipelineRun retry = completed("r2", "2026-03-10T02:20:00Z", "2026-03-10T02:25:00Z", 5L);

    List<PipelineFinding> newestFirst =
        watcher.evaluate(NIGHTLY, List.of(retry, other, first), WATCHED_SINCE);

    assertThat(newestFirst)
        .isEqualTo(watcher.evaluate(NIGHTLY, List.of(first, retry), WATCHED_SINCE));
    assertThat(newestFirst).extracting(PipelineFinding::runId).doesNotContain("other");
    assertThat(watcher.observations(NIGHTLY, List.of(first)))
        .extracting(Observation::dataset)
        .containsOnly("load_orders");
  }

  @Test
  void a_failed_run_then_a_successful_retry_leave_the_slot_on_time() {
    clock.set("2026-03-10T04:00:00Z");
    List<PipelineRun> runs =
        List.of(
            failed("r1", "2026-03-10T02:05:00Z", "2026-03-10T02:10:00Z", "disk full"),
            completed("r2", "2026-03-10T02:40:00Z", "2026-03-10T03:00:00Z", 5L));

    assertThat(judge(NIGHTLY, runs))
        .filteredOn(
            line ->
                line.startsWith("missed") || line.startsWith("late") || line.startsWith("failed"))
        .containsExactly(
            "missed PASS at 2026-03-10T02:05:00Z: started 5m after its scheduled time 2026-03-10"
                + " 02:00 UTC",
            "failed FAIL at 2026-03-10T02:10:00Z: failed: disk full",
            "failed PASS at 2026-03-10T03:00:00Z: completed",
            "late PASS at 2026-03-10T03:00:00Z: completed 1h after its scheduled time 2026-03-10"
                + " 02:00 UTC, within its deadline");
  }

  @Test
  void a_finding_is_keyed_by_what_its_rule_judges() {
    assertThat(watcher.observations(NIGHTLY, List.of()))
        .as("without a start of watching, the two-day lookback is judged")
        .extracting(observation -> observation.check() + " " + observation.observedAt())
        .containsExactly(
            "missed 2026-03-08T02:30:00Z",
            "late 2026-03-08T03:30:00Z",
            "missed 2026-03-09T02:30:00Z",
            "late 2026-03-09T03:30:00Z");

    clock.set("2026-03-10T03:00:00Z");
    PipelineFinding missed = watcher.evaluate(NIGHTLY, List.of(), WATCHED_SINCE).get(0);
    assertThatThrownBy(
            () ->
                new PipelineFinding(
                    "load_orders", PipelineRule.MISSED, null, "r1", missed.observation()))
        .hasMessage("missed judges a slot");
    assertThatThrownBy(
            () ->
                new PipelineFinding(
                    "load_orders", PipelineRule.TIMEOUT, missed.slot(), null, missed.observation()))
        .hasMessage("timeout judges a run");
  }

  @Test
  void a_slot_stays_in_view_until_its_deadline_even_past_a_short_lookback() {
    PipelineSpec slow = daily(Duration.ofMinutes(30), Duration.ofHours(5), null);
    PipelineWatcher shortMemory =
        new PipelineWatcher(clock, new WatchSettings(Duration.ofHours(1), 200, 10, 3, 0.8));
    clock.set("2026-03-10T07:30:00Z");

    assertThat(lines(shortMemory.evaluate(slow, List.of(), WATCHED_SINCE)))
        .containsExactly(
            "missed FAIL at 2026-03-10T02:30:00Z: missed: no run started within 30m of its"
                + " scheduled time 2026-03-10 02:00 UTC",
            "late FAIL at 2026-03-10T07:30:00Z: not completed by its deadline 2026-03-10 07:30"
                + " UTC (scheduled 2026-03-10 02:00 UTC)");
  }
}
