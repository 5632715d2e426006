package dev.nines.server;

import static dev.nines.server.LineageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.run.CheckRunner;
import dev.nines.run.RunListener;
import dev.nines.run.RunRequest;
import dev.nines.run.RunResult;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an event reported about a dataset is what the dataset's checks compare with next: the row
 * count for volume_change, the schema for schema drift.
 */
class FactsFromEventsIT {
  @TempDir Path folder;

  @Test
  void volume_and_schema_checks_compare_with_what_an_event_reported() throws Exception {
    String source = "jdbc:h2:mem:events_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(source);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE orders (id BIGINT, customer VARCHAR(40), amount NUMERIC(12, 2),"
              + " created_at TIMESTAMP, paid BOOLEAN)");
      // 10 % more rows than the event will report
      statement.execute(
          "INSERT INTO orders SELECT x, 'c' || x, x * 1.5, TIMESTAMP '2026-03-01 01:00:00', TRUE"
              + " FROM SYSTEM_RANGE(1, 1100)");
      Spec spec = ingestThenStop(source, 1000);

      RunResult result;
      try (NinesStore store = NinesStore.open(spec.store());
          CheckRunner runner =
              new CheckRunner(
                  spec,
                  store,
                  Clock.fixed(TestServer.NOW.plusSeconds(3600), ZoneOffset.UTC),
                  RunListener.NONE)) {
        result = runner.run(new RunRequest(java.util.Set.of("orders")));
      }

      Observation volume = observation(result, "volume_change");
      assertThat(volume.status()).isEqualTo(Status.FAIL);
      assertThat(volume.message()).startsWith("rows grew 10");
      assertThat(volume.message()).contains("from 1,000 to 1,100");
      Observation schema = observation(result, "schema");
      assertThat(schema.status()).isEqualTo(Status.PASS);
      assertThat(schema.message()).isEqualTo("no schema change (5 columns)");
    }
  }

  private Spec ingestThenStop(String source, long rowsReported) throws Exception {
    String yaml =
        "store:\n  url: jdbc:h2:file:"
            + folder.resolve("store").toAbsolutePath()
            + "\nsources:\n  warehouse:\n    url: \""
            + source
            + "\"\n"
            + """
            datasets:
              orders:
                source: warehouse
                table: orders
                checks:
                  - volume_change: { max_growth: 5% }
                  - schema: {}
            """;
    try (TestServer server = TestServer.start(folder, yaml, Map.of())) {
      try (var client = LineageEvents.client(server, null, false)) {
        client.emit(
            event(
                UUID.randomUUID(),
                EventType.COMPLETE,
                TestServer.NOW,
                null,
                List.of(),
                List.of(ordersWritten(rowsReported))));
      }
      return server.server.spec();
    }
  }

  /** The orders table as a Spark-like producer describes it: its own names for the types. */
  private static OpenLineage.OutputDataset ordersWritten(long rows) {
    OpenLineage ol = new OpenLineage(URI.create("https://example.test/producer"));
    return ol.newOutputDatasetBuilder()
        .namespace("h2://warehouse")
        .name("orders")
        .facets(
            ol.newDatasetFacetsBuilder()
                .schema(
                    ol.newSchemaDatasetFacet(
                        List.of(
                            ol.newSchemaDatasetFacetFields("id", "long", null, null),
                            ol.newSchemaDatasetFacetFields("customer", "string", null, null),
                            ol.newSchemaDatasetFacetFields("amount", "decimal(12,2)", null, null),
                            ol.newSchemaDatasetFacetFields("created_at", "timestamp", null, null),
                            ol.newSchemaDatasetFacetFields("paid", "boolean", null, null))))
                .build())
        .outputFacets(
            ol.newOutputDatasetOutputFacetsBuilder()
                .outputStatistics(ol.newOutputStatisticsOutputDatasetFacet(rows, null, null))
                .build())
        .build();
  }

  private static Observation observation(RunResult result, String check) {
    return result.observations().stream()
        .filter(observation -> observation.check().equals(check))
        .findFirst()
        .orElseThrow();
  }
}
