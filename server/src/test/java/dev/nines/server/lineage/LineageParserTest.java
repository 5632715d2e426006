package dev.nines.server.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.observation.Status;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import dev.nines.store.LineageEventKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LineageParserTest {
  static final String RUN_ID = "0190e3a5-7c2b-7d4e-9a1f-3b5c7d9e1f20";
  static final DatasetNames NAMES =
      new DatasetNames(
          new Spec(
              Map.of(),
              Map.of(
                  "orders",
                  new DatasetSpec(
                      "orders",
                      "warehouse",
                      "public.orders",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      List.of(),
                      null)),
              null,
              Map.of(),
              List.of()));

  final LineageParser parser = new LineageParser();

  @Test
  void a_run_event_gives_its_run_job_times_error_and_facts() {
    ParsedEvent event =
        parse(
            """
            {"eventType": "FAIL", "eventTime": "2026-03-01T04:00:00+02:00",
             "producer": "https://example.test/dbt", "schemaURL": "https://example.test/schema",
             "run": {"runId": "%s", "facets": {
               "errorMessage": {"_producer": "p", "_schemaURL": "s", "message": "boom",
                                "programmingLanguage": "SQL", "stackTrace": "at model orders"},
               "nominalTime": {"_producer": "p", "_schemaURL": "s",
                               "nominalStartTime": "2026-03-01T02:00:00Z"},
               "parent": {"_producer": "p", "_schemaURL": "s",
                          "run": {"runId": "0190e3a5-0000-7d4e-9a1f-3b5c7d9e1f20"},
                          "job": {"namespace": "dbt", "name": "project"}}}},
             "job": {"namespace": "dbt", "name": "project.orders"},
             "inputs": [{"namespace": "postgres://db", "name": "analytics.public.orders",
                         "inputFacets": {
                           "dataQualityAssertions": {"_producer": "p", "_schemaURL": "s",
                             "assertions": [{"assertion": "not_null", "success": false,
                                             "column": "id"}]},
                           "inputStatistics": {"_producer": "p", "_schemaURL": "s",
                                               "rowCount": 10, "size": 100}}}],
             "outputs": [{"namespace": "postgres://db", "name": "analytics.public.daily",
                          "outputFacets": {"outputStatistics": {"_producer": "p",
                            "_schemaURL": "s", "rowCount": 3, "size": 30}}}]}
            """
                .formatted(RUN_ID));

    assertThat(event.record().kind()).isEqualTo(LineageEventKind.RUN);
    assertThat(event.record().runId()).isEqualTo(UUID.fromString(RUN_ID));
    assertThat(event.record().eventType()).isEqualTo("FAIL");
    assertThat(event.record().eventTime()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
    assertThat(event.record().jobName()).isEqualTo("project.orders");
    assertThat(event.record().errorMessage()).isEqualTo("boom");
    assertThat(event.record().stackTrace()).isEqualTo("at model orders");
    assertThat(event.record().nominalStart()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
    assertThat(event.record().parentRunId())
        .isEqualTo(UUID.fromString("0190e3a5-0000-7d4e-9a1f-3b5c7d9e1f20"));
    assertThat(event.record().rowsWritten()).isEqualTo(3);
    assertThat(event.facts().observations())
        .singleElement()
        .satisfies(
            observation -> {
              assertThat(observation.dataset()).isEqualTo("orders");
              assertThat(observation.check()).isEqualTo("not_null_id");
              assertThat(observation.status()).isEqualTo(Status.FAIL);
            });
    assertThat(event.facts().measurements())
        .extracting(m -> m.dataset() + " " + m.check() + " " + m.metric() + " " + m.value())
        .containsExactlyInAnyOrder(
            "orders inputStatistics row_count 10.0",
            "orders inputStatistics bytes 100.0",
            "analytics.public.daily outputStatistics row_count 3.0",
            "analytics.public.daily volume_change row_count 3.0",
            "analytics.public.daily outputStatistics bytes 30.0");
  }

  @Test
  void an_event_without_type_tells_nothing_of_progress() {
    ParsedEvent event =
        parse(
            """
            {"eventTime": "2026-03-01T02:00:00Z", "producer": "p",
             "run": {"runId": "%s"}, "job": {"namespace": "n", "name": "j"}}
            """
                .formatted(RUN_ID));

    assertThat(event.record().eventType()).isEqualTo("OTHER");
  }

  @Test
  void required_fields_are_named_when_missing() {
    assertThatThrownBy(() -> parse("{\"producer\": \"p\", \"run\": {}, \"job\": {}}"))
        .hasMessage("eventTime is required");
    assertThatThrownBy(
            () -> parse("{\"eventTime\": \"2026-03-01T02:00:00Z\", \"run\": {}, \"job\": {}}"))
        .hasMessage("producer is required");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    {"eventTime": "2026-03-01T02:00:00Z", "producer": "p",
                     "run": {"runId": "%s"}, "job": {"namespace": "n"}}
                    """
                        .formatted(RUN_ID)))
        .hasMessage("job.name is required");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    {"eventTime": "2026-03-01T02:00:00Z", "producer": "p",
                     "run": {"runId": "run-1"}, "job": {"namespace": "n", "name": "j"}}
                    """))
        .hasMessage("run.runId must be a UUID, was 'run-1'");
  }

  @Test
  void something_that_is_no_event_kind_is_refused() {
    assertThatThrownBy(
            () -> parse("{\"eventTime\": \"2026-03-01T02:00:00Z\", \"producer\": \"p\"}"))
        .hasMessageStartingWith("not an OpenLineage event");
    assertThatThrownBy(() -> parse("[1]")).hasMessageStartingWith("an event must be a JSON object");
  }

  @Test
  void a_schema_facet_of_a_dataset_event_becomes_a_snapshot() {
    ParsedEvent event =
        parse(
            """
            {"eventTime": "2026-03-01T02:00:00Z", "producer": "p",
             "dataset": {"namespace": "postgres://db", "name": "public.orders", "facets": {
               "schema": {"_producer": "p", "_schemaURL": "s",
                          "fields": [{"name": "id", "type": "bigint"}]}}}}
            """);

    assertThat(event.record().kind()).isEqualTo(LineageEventKind.DATASET);
    assertThat(event.facts().schemas())
        .singleElement()
        .satisfies(
            snapshot -> {
              assertThat(snapshot.dataset()).isEqualTo("orders");
              assertThat(snapshot.columns().get(0).name()).isEqualTo("id");
              assertThat(snapshot.columns().get(0).type()).isEqualTo("bigint");
            });
  }

  private ParsedEvent parse(String json) {
    return parser.parse(parser.readTree(json.getBytes(StandardCharsets.UTF_8)), NAMES);
  }
}
