package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.pipeline.JobPattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineSpecValidationTest {
  private static final String DATASETS =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders: { source: warehouse, table: orders }
        customers: { source: warehouse, table: customers }
      """;

  @TempDir Path folder;

  private List<String> problems(String pipelines) {
    return new SpecFiles(folder).problemLines(DATASETS + pipelines);
  }

  @Test
  void unknown_keys_of_a_pipeline_and_its_job_are_reported_with_a_suggestion() {
    assertThat(
            problems(
                """
                pipelines:
                  load_orders:
                    job: { namespace: airflow, nmae: orders_dag }
                    shedule: "0 2 * * *"
                """))
        .containsExactly(
            "nines.yml:8:5: pipelines.load_orders.job.name: the job of pipeline load_orders needs"
                + " 'name'",
            "nines.yml:8:32: pipelines.load_orders.job.nmae: unknown key 'nmae' in the job of"
                + " pipeline load_orders — did you mean 'name'? (known keys: namespace, name)",
            "nines.yml:9:5: pipelines.load_orders.shedule: unknown key 'shedule' in pipeline"
                + " load_orders — did you mean 'schedule'? (known keys: job, jobs, schedule,"
                + " timezone, grace, max_duration, deadline, outputs, min_rows, few_rows, owner,"
                + " tags, description, remediation, inputs)");
  }

  @Test
  void a_bad_schedule_names_the_cron_field_at_fault() {
    assertThat(
            problems(
                """
                pipelines:
                  hourly_bad: { schedule: "0 25 * * *" }
                  short: { schedule: "0 2 * *" }
                  quartz: { schedule: "0 0 2 * * ?" }
                  macro: { schedule: "@fortnightly" }
                  never: { schedule: "0 0 30 2 *" }
                """))
        .containsExactly(
            "nines.yml:7:27: pipelines.hourly_bad.schedule: '0 25 * * *' is not a valid schedule:"
                + " hour 25 is out of range 0-23 (five fields: minute hour day-of-month month"
                + " day-of-week, e.g. \"0 2 * * *\", or @hourly, @daily, @weekly, @monthly)",
            "nines.yml:8:22: pipelines.short.schedule: '0 2 * *' is not a valid schedule: it has 4"
                + " fields, a cron schedule has five: minute hour day-of-month month day-of-week"
                + " (five fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\","
                + " or @hourly, @daily, @weekly, @monthly)",
            "nines.yml:9:23: pipelines.quartz.schedule: '0 0 2 * * ?' is not a valid schedule:"
                + " it has 6 fields, a cron schedule has five: minute hour day-of-month month"
                + " day-of-week (five fields: minute hour day-of-month month day-of-week, e.g. \"0"
                + " 2 * * *\", or @hourly, @daily, @weekly, @monthly)",
            "nines.yml:10:22: pipelines.macro.schedule: '@fortnightly' is not a valid schedule:"
                + " unknown shortcut '@fortnightly' (use @hourly, @daily, @weekly or @monthly)"
                + " (five fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\","
                + " or @hourly, @daily, @weekly, @monthly)",
            "nines.yml:11:22: pipelines.never.schedule: '0 0 30 2 *' is not a valid schedule: it"
                + " never fires: no month it names has day 30 (five fields: minute hour"
                + " day-of-month month day-of-week, e.g. \"0 2 * * *\", or @hourly, @daily,"
                + " @weekly, @monthly)");
  }

  @Test
  void an_output_that_is_not_a_dataset_is_a_problem_with_a_suggestion() {
    assertThat(
            problems(
                """
                pipelines:
                  load_orders:
                    schedule: "@daily"
                    outputs: [orders, custmers, payments]
                """))
        .containsExactly(
            "nines.yml:9:23: pipelines.load_orders.outputs[1]: dataset 'custmers' is not defined —"
                + " did you mean 'customers'? (defined datasets: orders, customers)",
            "nines.yml:9:33: pipelines.load_orders.outputs[2]: dataset 'payments' is not defined"
                + " (defined datasets: orders, customers)");
  }

  @Test
  void timing_values_are_checked_against_each_other_and_the_schedule() {
    assertThat(
            problems(
                """
                pipelines:
                  tight:
                    schedule: "0 2 * * *"
                    timezone: Mars/Olympus
                    grace: 1h
                    deadline: 45m
                    max_duration: 0s
                  unscheduled:
                    grace: 10m
                    deadline: 2h
                """))
        .containsExactly(
            "nines.yml:9:15: pipelines.tight.timezone: unknown time zone 'Mars/Olympus' (use a"
                + " region such as Europe/Paris or America/Denver, or UTC)",
            "nines.yml:11:15: pipelines.tight.deadline: deadline 45m is not after the start grace"
                + " 1h (deadline counts from the scheduled time: make it longer than grace)",
            "nines.yml:12:19: pipelines.tight.max_duration: must be longer than zero",
            "nines.yml:14:5: pipelines.unscheduled.grace: grace needs a schedule (add schedule: \"0"
                + " 2 * * *\" (a cron expression) or remove grace)",
            "nines.yml:15:5: pipelines.unscheduled.deadline: deadline needs a schedule (add"
                + " schedule: \"0 2 * * *\" (a cron expression) or remove deadline)");
  }

  @Test
  void a_grace_as_long_as_the_time_between_runs_is_a_problem() {
    assertThat(
            problems(
                """
                pipelines:
                  hourly: { schedule: "@hourly", grace: 1h }
                  quarter: { schedule: "*/10 * * * *", grace: 10m }
                  frequent: { schedule: "*/10 * * * *" }
                """))
        .containsExactly(
            "nines.yml:7:41: pipelines.hourly.grace: grace 1h is not shorter than the 1h between"
                + " scheduled runs (a run that starts after the next scheduled time counts for"
                + " that one: shorten grace)",
            "nines.yml:8:47: pipelines.quarter.grace: grace 10m is not shorter than the 10m"
                + " between scheduled runs (a run that starts after the next scheduled time"
                + " counts for that one: shorten grace)");
  }

  @Test
  void job_shapes_rows_and_the_few_rows_rule_are_validated() {
    assertThat(
            problems(
                """
                pipelines:
                  both:
                    job: a
                    jobs: [b]
                  weird:
                    jobs: [42, [x], { namespace: "", name: y }]
                    min_rows: -5
                    few_rows: { ratio: 150%, runs: 5, min_runs: 6 }
                  shapes:
                    jobs: a
                    min_rows: many
                    few_rows: { ratio: 0.5, last: 3 }
                """))
        .containsExactly(
            "nines.yml:9:5: pipelines.both.jobs: pipeline both sets both job and jobs (keep one of"
                + " them: jobs: lists several)",
            "nines.yml:11:12: pipelines.weird.jobs[0]: expected a job name, or a map with namespace and"
                + " name, got a number",
            "nines.yml:11:16: pipelines.weird.jobs[1]: expected a job name, or a map with"
                + " namespace and name, got a list",
            "nines.yml:11:34: pipelines.weird.jobs[2].namespace: must not be empty",
            "nines.yml:12:15: pipelines.weird.min_rows: must not be negative, got -5",
            "nines.yml:13:24: pipelines.weird.few_rows.ratio: must be above 0% and at most 100%,"
                + " got 150% (a run is flagged when it writes fewer rows than this share of the"
                + " median)",
            "nines.yml:13:49: pipelines.weird.few_rows.min_runs: min_runs 6 is more than runs 5"
                + " (the median is taken over the last 'runs' successful runs)",
            "nines.yml:15:11: pipelines.shapes.jobs: expected a list of jobs, got text",
            "nines.yml:16:15: pipelines.shapes.min_rows: expected a whole number of rows, got"
                + " text",
            "nines.yml:17:24: pipelines.shapes.few_rows.ratio: expected a percentage such as 50%,"
                + " got a number",
            "nines.yml:17:29: pipelines.shapes.few_rows.last: unknown key 'last' in few_rows of"
                + " pipeline shapes (known keys: ratio, runs, min_runs)");
  }

  @Test
  void a_job_named_exactly_by_two_pipelines_is_a_problem_at_the_second() {
    assertThat(
            problems(
                """
                pipelines:
                  first: { job: { namespace: airflow, name: dag.load } }
                  second:
                    jobs:
                      - { namespace: airflow, name: "dag.*" }
                      - { namespace: airflow, name: dag.load }
                """))
        .containsExactly(
            "nines.yml:9:5: pipelines.second.jobs: job airflow/dag.load is also the job of"
                + " pipeline first (a job's runs belong to one pipeline: remove it from one of"
                + " them)");
  }

  @Test
  void a_pipeline_written_as_an_empty_map_takes_the_defaults_and_its_own_name_as_job() {
    SpecFiles files = new SpecFiles(folder);
    Spec spec =
        files.load(files.write("nines.yml", DATASETS + "pipelines:\n  nightly_export: {}\n"));

    PipelineSpec pipeline = spec.pipelines().get("nightly_export");
    assertThat(pipeline.jobs()).containsExactly(new JobPattern("*", "nightly_export"));
    assertThat(pipeline.matches("any-namespace", "nightly_export")).isTrue();
    assertThat(pipeline.matches("any-namespace", "nightly_export_2")).isFalse();
    assertThat(pipeline.schedule()).isNull();
    assertThat(pipeline.grace()).isEqualTo(PipelineSpec.DEFAULT_GRACE);
    assertThat(pipeline.minRows()).isEqualTo(1);
    assertThat(pipeline.fewRows()).isEqualTo(PipelineSpec.FewRows.DEFAULT);
    assertThat(spec.later().get("pipelines").has("nightly_export"))
        .as("still kept as written for readers of the raw section")
        .isTrue();
  }

  @Test
  void a_pipeline_with_nothing_after_its_name_is_reported() {
    assertThat(problems("pipelines:\n  nightly_export:\n"))
        .containsExactly(
            "nines.yml:7:18: pipelines.nightly_export: expected a map with job, schedule, grace,"
                + " max_duration and outputs, got nothing");
  }

  @Test
  void the_default_grace_is_fifteen_minutes_or_half_the_time_between_runs() {
    SpecFiles files = new SpecFiles(folder);
    Spec spec =
        files.load(
            files.write(
                "nines.yml",
                DATASETS
                    + """
                    pipelines:
                      nightly: { schedule: "@daily" }
                      frequent: { schedule: "*/10 * * * *" }
                    """));

    assertThat(spec.pipelines().get("nightly").grace()).isEqualTo(Duration.ofMinutes(15));
    assertThat(spec.pipelines().get("frequent").grace()).isEqualTo(Duration.ofMinutes(5));
  }
}
