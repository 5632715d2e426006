package dev.nines.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.store.JobRef;
import dev.nines.store.JobSeen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCatalogTest {
  static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  @TempDir Path folder;

  @Test
  void a_pipeline_answers_for_its_exact_jobs_and_the_seen_jobs_its_patterns_match()
      throws Exception {
    PipelineCatalog catalog =
        PipelineCatalog.of(
            spec(
                """
                pipelines:
                  load_orders:
                    job: { namespace: airflow, name: orders_dag.load }
                  rollup:
                    jobs: [{ namespace: spark, name: "rollup_*" }]
                  backup:
                    schedule: "0 3 * * *"
                """));
    List<JobSeen> seen =
        List.of(
            new JobSeen("spark", "rollup_daily", 3, T0),
            new JobSeen("flink", "rollup_daily", 1, T0),
            new JobSeen("nines", "backup", 2, T0));

    assertThat(catalog.jobsOf(catalog.find("load_orders").orElseThrow(), seen))
        .containsExactly(new JobRef("airflow", "orders_dag.load"));
    assertThat(catalog.jobsOf(catalog.find("rollup").orElseThrow(), seen))
        .containsExactly(new JobRef("spark", "rollup_daily"));
    assertThat(catalog.jobsOf(catalog.find("backup").orElseThrow(), seen))
        .containsExactly(new JobRef(null, "backup"), new JobRef("nines", "backup"));
    assertThat(catalog.monitors("flink", "rollup_daily")).isFalse();
    assertThat(catalog.monitors("spark", "rollup_hourly")).isTrue();
  }

  @Test
  void a_spec_without_pipelines_declares_none() {
    assertThat(
            PipelineCatalog.of(new Spec(Map.of(), Map.of(), null, Map.of(), List.of())).pipelines())
        .isEmpty();
  }

  private Spec spec(String yaml) throws Exception {
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, yaml);
    return SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }
}
