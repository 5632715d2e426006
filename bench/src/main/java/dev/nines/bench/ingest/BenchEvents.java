package dev.nines.bench.ingest;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic Airflow-like traffic built with the official OpenLineage model: each run sends a START
 * (nominal time, parent run, input with schema) and a COMPLETE (output with schema and
 * outputStatistics), about 1.5 KB each.
 */
public final class BenchEvents {
  private static final OpenLineage OL =
      new OpenLineage(URI.create("https://github.com/apache/airflow/tree/providers-openlineage"));
  private static final String NAMESPACE = "airflow-bench";
  private static final int JOBS = 50;

  private BenchEvents() {}

  /**
   * {@code count} events (rounded up to an even number): START and COMPLETE of {@code count / 2}
   * runs, each pair adjacent so concurrent clients touch the same run at once, as in real traffic.
   */
  public static List<BenchEvent> startCompletePairs(int count, long seed) {
    Random random = new Random(seed);
    Instant base = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seed * 86_400L % 31_536_000L);
    List<BenchEvent> events = new ArrayList<>(count + 1);
    for (int run = 0; events.size() < count; run++) {
      UUID runId = new UUID(random.nextLong(), random.nextLong());
      String job = "bench_dag.task_" + (run % JOBS);
      Instant start = base.plusSeconds(run * 7L);
      Instant end = start.plus(Duration.ofMillis(1_000 + random.nextInt(600_000)));
      long rows = 1_000 + random.nextInt(1_000_000);
      events.add(start(runId, job, start));
      events.add(complete(runId, job, end, rows));
    }
    return events;
  }

  private static BenchEvent start(UUID runId, String job, Instant time) {
    OpenLineage.RunFacets facets =
        OL.newRunFacetsBuilder()
            .nominalTime(OL.newNominalTimeRunFacet(zoned(time), zoned(time.plusSeconds(3600))))
            .parent(
                OL.newParentRunFacet(
                    OL.newParentRunFacetRun(new UUID(runId.getLeastSignificantBits(), 42L)),
                    OL.newParentRunFacetJob(NAMESPACE, "bench_dag")))
            .build();
    OpenLineage.InputDataset input =
        OL.newInputDatasetBuilder()
            .namespace("postgres://warehouse:5432")
            .name("raw.public.orders_" + job.substring(job.lastIndexOf('_') + 1))
            .facets(OL.newDatasetFacetsBuilder().schema(schema()).build())
            .build();
    OpenLineage.RunEvent event =
        builder(runId, job, EventType.START, time, facets).inputs(List.of(input)).build();
    return new BenchEvent(runId, "START", time, NAMESPACE, job, null, json(event));
  }

  private static BenchEvent complete(UUID runId, String job, Instant time, long rows) {
    OpenLineage.OutputDataset output =
        OL.newOutputDatasetBuilder()
            .namespace("postgres://warehouse:5432")
            .name("analytics.public.orders_" + job.substring(job.lastIndexOf('_') + 1))
            .facets(OL.newDatasetFacetsBuilder().schema(schema()).build())
            .outputFacets(
                OL.newOutputDatasetOutputFacetsBuilder()
                    .outputStatistics(
                        OL.newOutputStatisticsOutputDatasetFacet(rows, rows * 120, null))
                    .build())
            .build();
    OpenLineage.RunEvent event =
        builder(runId, job, EventType.COMPLETE, time, OL.newRunFacetsBuilder().build())
            .outputs(List.of(output))
            .build();
    return new BenchEvent(runId, "COMPLETE", time, NAMESPACE, job, rows, json(event));
  }

  private static OpenLineage.RunEventBuilder builder(
      UUID runId, String job, EventType type, Instant time, OpenLineage.RunFacets facets) {
    return OL.newRunEventBuilder()
        .eventType(type)
        .eventTime(zoned(time))
        .run(OL.newRunBuilder().runId(runId).facets(facets).build())
        .job(OL.newJobBuilder().namespace(NAMESPACE).name(job).build());
  }

  private static OpenLineage.SchemaDatasetFacet schema() {
    return OL.newSchemaDatasetFacet(
        List.of(
            OL.newSchemaDatasetFacetFields("order_id", "bigint", "primary key", null),
            OL.newSchemaDatasetFacetFields("customer_id", "bigint", null, null),
            OL.newSchemaDatasetFacetFields("amount", "numeric(12,2)", null, null),
            OL.newSchemaDatasetFacetFields("status", "varchar", null, null),
            OL.newSchemaDatasetFacetFields("created_at", "timestamp", null, null)));
  }

  private static ZonedDateTime zoned(Instant time) {
    return ZonedDateTime.ofInstant(time, ZoneOffset.UTC);
  }

  private static String json(OpenLineage.RunEvent event) {
    return OpenLineageClientUtils.toJson(event);
  }
}
