package dev.nines.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.spec.PipelineSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineMatcherTest {
  private static PipelineSpec pipeline(String name, JobPattern... jobs) {
    return new PipelineSpec(
        name, List.of(jobs), null, null, null, null, null, 1, null, null, null, null, null, null);
  }

  private static PipelineRun run(String id, String namespace, String job, String seen) {
    return new PipelineRun(
        id, null, namespace, job, RunState.COMPLETED, null, Instant.parse(seen), null, null, null);
  }

  private final PipelineMatcher matcher =
      new PipelineMatcher(
          List.of(
              pipeline("load_orders", new JobPattern("airflow", "orders_dag.load_orders")),
              pipeline("orders_any", new JobPattern("airflow", "orders_dag.*")),
              pipeline("spark_jobs", new JobPattern("spark://*", "*")),
              pipeline("native_export")));

  @Test
  void a_job_belongs_to_the_first_pipeline_whose_pattern_matches() {
    assertThat(matcher.pipelineOf("airflow", "orders_dag.load_orders"))
        .map(PipelineSpec::name)
        .contains("load_orders");
    assertThat(matcher.pipelineOf("airflow", "orders_dag.clean.step_1"))
        .map(PipelineSpec::name)
        .contains("orders_any");
    assertThat(matcher.pipelineOf("spark://cluster-1:7077", "daily.etl"))
        .map(PipelineSpec::name)
        .contains("spark_jobs");
    assertThat(matcher.pipelineOf(null, "native_export"))
        .as("a pipeline without job matches its own name in any namespace")
        .map(PipelineSpec::name)
        .contains("native_export");
    assertThat(matcher.pipelineOf("dbt", "orders_dag.load_orders")).isEmpty();
  }

  @Test
  void jobs_that_match_no_pipeline_are_listed_as_unmonitored_most_recent_first() {
    List<PipelineRun> runs =
        List.of(
            run("1", "airflow", "orders_dag.load_orders", "2026-03-10T02:00:00Z"),
            run("2", "dbt", "jaffle_shop.customers", "2026-03-10T03:00:00Z"),
            run("3", "dbt", "jaffle_shop.customers", "2026-03-10T05:00:00Z"),
            run("4", "airflow", "payments_dag.load", "2026-03-10T04:00:00Z"),
            run("5", null, "backup.sh", "2026-03-09T04:00:00Z"));

    assertThat(matcher.unmonitored(runs))
        .containsExactly(
            new UnmonitoredJob(
                "dbt", "jaffle_shop.customers", 2, Instant.parse("2026-03-10T05:00:00Z")),
            new UnmonitoredJob(
                "airflow", "payments_dag.load", 1, Instant.parse("2026-03-10T04:00:00Z")),
            new UnmonitoredJob(null, "backup.sh", 1, Instant.parse("2026-03-09T04:00:00Z")));
  }

  @Test
  void wildcards_match_any_characters_and_everything_else_is_literal() {
    JobPattern pattern = new JobPattern("airflow", "orders.(daily)*+");

    assertThat(pattern.matches("airflow", "orders.(daily)_v2+")).isTrue();
    assertThat(pattern.matches("airflow", "ordersX(daily)+")).as("the dot is literal").isFalse();
    assertThat(new JobPattern(null, "a*b").matches("x", "a\nb")).isTrue();
    assertThat(new JobPattern(null, "x").namespace()).isEqualTo("*");
    assertThat(new JobPattern("airflow", "x").isExact()).isTrue();
    assertThat(new JobPattern(null, "x").isExact()).isFalse();
    assertThatThrownBy(() -> new JobPattern("airflow", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
