package dev.nines.server;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** OpenLineage events built with the official Java model, and clients that send them. */
final class LineageEvents {
  static final OpenLineage OL = new OpenLineage(URI.create("https://example.test/airflow"));
  static final String NAMESPACE = "airflow";
  static final String JOB = "orders_dag.load_orders";

  private LineageEvents() {}

  static OpenLineageClient client(TestServer server, String apiKey, boolean gzip) {
    HttpConfig config = new HttpConfig();
    config.setUrl(URI.create(server.url("")));
    config.setEndpoint("/api/v1/lineage");
    if (apiKey != null) {
      config.setAuth(new io.openlineage.client.transports.ApiKeyTokenProvider());
      ((io.openlineage.client.transports.ApiKeyTokenProvider) config.getAuth()).setApiKey(apiKey);
    }
    if (gzip) {
      config.setCompression(HttpConfig.Compression.GZIP);
    }
    return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
  }

  static OpenLineage.RunEvent event(UUID runId, EventType type, Instant time) {
    return event(runId, type, time, null, List.of(), List.of());
  }

  static OpenLineage.RunEvent event(
      UUID runId,
      EventType type,
      Instant time,
      OpenLineage.RunFacets facets,
      List<OpenLineage.InputDataset> inputs,
      List<OpenLineage.OutputDataset> outputs) {
    return OL.newRunEventBuilder()
        .eventType(type)
        .eventTime(ZonedDateTime.ofInstant(time, ZoneOffset.UTC))
        .run(OL.newRunBuilder().runId(runId).facets(facets).build())
        .job(OL.newJobBuilder().namespace(NAMESPACE).name(JOB).build())
        .inputs(inputs)
        .outputs(outputs)
        .build();
  }

  static OpenLineage.OutputDataset ordersWritten(long rows) {
    return OL.newOutputDatasetBuilder()
        .namespace("postgres://warehouse:5432")
        .name("analytics.public.orders")
        .facets(
            OL.newDatasetFacetsBuilder()
                .schema(
                    OL.newSchemaDatasetFacet(
                        List.of(
                            OL.newSchemaDatasetFacetFields("id", "integer", null, null),
                            OL.newSchemaDatasetFacetFields("amount", "numeric", null, null))))
                .build())
        .outputFacets(
            OL.newOutputDatasetOutputFacetsBuilder()
                .outputStatistics(OL.newOutputStatisticsOutputDatasetFacet(rows, 4096L, null))
                .build())
        .build();
  }

  static OpenLineage.RunFacets failure(String message, String stackTrace) {
    return OL.newRunFacetsBuilder()
        .errorMessage(OL.newErrorMessageRunFacet(message, "python", stackTrace))
        .build();
  }

  static String json(Object event) {
    return OpenLineageClientUtils.toJson(event);
  }
}
