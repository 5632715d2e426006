package dev.nines.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.spec.Spec;
import dev.nines.store.JobRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineCatalogTest {
  @Test
  void a_pipeline_matches_the_jobs_it_names_or_else_its_own_name_in_any_namespace()
      throws Exception {
    PipelineCatalog catalog =
        PipelineCatalog.of(
            spec(
                """
                {"load_orders": {"job": {"namespace": "airflow", "name": "orders_dag.load"}},
                 "rollup": {"job": [{"name": "rollup_a"}, {"namespace": "spark", "name": "rollup_b"}]},
                 "backup": {"schedule": "0 3 * * *"}}
                """));

    assertThat(catalog.find("load_orders").orElseThrow().jobs())
        .containsExactly(new JobRef("airflow", "orders_dag.load"));
    assertThat(catalog.find("rollup").orElseThrow().jobs())
        .containsExactly(new JobRef(null, "rollup_a"), new JobRef("spark", "rollup_b"));
    assertThat(catalog.find("backup").orElseThrow().jobs())
        .containsExactly(new JobRef(null, "backup"));
    assertThat(catalog.monitors("airflow", "orders_dag.load")).isTrue();
    assertThat(catalog.monitors("dagster", "orders_dag.load")).isFalse();
    assertThat(catalog.monitors("anything", "rollup_a")).isTrue();
    assertThat(catalog.monitors("flink", "rollup_b")).isFalse();
  }

  @Test
  void a_spec_without_pipelines_declares_none() {
    assertThat(
            PipelineCatalog.of(new Spec(Map.of(), Map.of(), null, Map.of(), List.of())).pipelines())
        .isEmpty();
  }

  private static Spec spec(String pipelines) throws Exception {
    return new Spec(
        Map.of(),
        Map.of(),
        null,
        Map.of("pipelines", new ObjectMapper().readTree(pipelines)),
        List.of());
  }
}
