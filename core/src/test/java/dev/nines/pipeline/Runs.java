package dev.nines.pipeline;

import dev.nines.spec.PipelineSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Small builders of pipelines and runs for watcher tests. */
final class Runs {
  static final ZoneId UTC = ZoneId.of("UTC");

  private Runs() {}

  /** A daily 02:00 UTC pipeline with the given timing; deadline may be null. */
  static PipelineSpec daily(Duration grace, Duration maxDuration, Duration deadline) {
    return pipeline(
        "0 2 * * *", UTC, grace, maxDuration, deadline, 1, PipelineSpec.FewRows.DEFAULT);
  }

  static PipelineSpec pipeline(
      String cron,
      ZoneId zone,
      Duration grace,
      Duration maxDuration,
      Duration deadline,
      long minRows,
      PipelineSpec.FewRows fewRows) {
    return new PipelineSpec(
        "load_orders",
        List.of(new JobPattern("airflow", "orders_dag.load_orders")),
        cron == null ? null : CronSchedule.parse(cron, zone),
        grace,
        maxDuration,
        deadline,
        List.of("orders"),
        minRows,
        fewRows,
        "data-eng",
        List.of(),
        null,
        null,
        null);
  }

  static PipelineRun running(String id, String start) {
    return new PipelineRun(
        id,
        "load_orders",
        "airflow",
        "orders_dag.load_orders",
        RunState.RUNNING,
        null,
        Instant.parse(start),
        null,
        null,
        null);
  }

  static PipelineRun completed(String id, String start, String end, Long rows) {
    return new PipelineRun(
        id,
        "load_orders",
        "airflow",
        "orders_dag.load_orders",
        RunState.COMPLETED,
        null,
        Instant.parse(start),
        Instant.parse(end),
        rows,
        null);
  }

  static PipelineRun failed(String id, String start, String end, String error) {
    return new PipelineRun(
        id,
        "load_orders",
        "airflow",
        "orders_dag.load_orders",
        RunState.FAILED,
        null,
        Instant.parse(start),
        Instant.parse(end),
        null,
        error);
  }

  /** {@code days} successful daily runs before 2026-03-10, each taking {@code minutes}. */
  static List<PipelineRun> history(int days, int minutes, long rows) {
    return java.util.stream.IntStream.rangeClosed(1, days)
        .mapToObj(
            day -> {
              Instant start = Instant.parse("2026-03-10T02:05:00Z").minus(Duration.ofDays(day));
              return new PipelineRun(
                  "past-" + day,
                  "load_orders",
                  "airflow",
                  "orders_dag.load_orders",
                  RunState.COMPLETED,
                  null,
                  start,
                  start.plus(Duration.ofMinutes(minutes)),
                  rows,
                  null);
            })
        .toList();
  }
}
