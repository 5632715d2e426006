package dev.nines.server.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automatic remediation over the real store: the timeline, its cursor and the incident rows. */
class RemediationLoopStoreIT {
  private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

  @TempDir Path folder;
  private final Receiver airflow = new Receiver();
  private NinesStore store;
  private String url;
  private RemediationLoop loop;

  @BeforeEach
  void setUp() throws Exception {
    url = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    store = NinesStore.open(new StoreSpec(url, null, null));
    Path file =
        Files.writeString(
            folder.resolve("nines.yml"),
            """
            sources:
              warehouse: { url: "jdbc:h2:mem:w" }
            datasets:
              orders: { source: warehouse, table: orders }
            pipelines:
              load_orders:
                outputs: [orders]
                remediation:
                  airflow: { url: "%s", dag: orders_dag }
                  automatic: true
                  max_attempts: 2
            """
                .formatted(airflow.url()));
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Remediator remediator =
        new Remediator(store.incidents(), () -> spec, new Actions(Duration.ofSeconds(10)), clock);
    loop = new RemediationLoop(store.timelineTail(), remediator, clock);
  }

  @AfterEach
  void tearDown() {
    store.close();
    airflow.close();
  }

  @Test
  void an_incident_that_reopens_three_times_gets_exactly_two_automatic_attempts() {
    airflow.answer(200, "{\"state\": \"queued\"}");
    loop.runOnce(); // the cursor starts here
    long incident = IncidentRow.insertOpen(url, "orders", NOW);

    IncidentRow.appendTimeline(url, incident, "OPENED", NOW);
    int first = loop.runOnce().size();
    for (int reopen = 0; reopen < 3; reopen++) {
      IncidentRow.appendTimeline(url, incident, "RESOLVED", NOW);
      IncidentRow.appendTimeline(url, incident, "REOPENED", NOW);
    }
    int after = loop.runOnce().size();

    assertThat(first).isEqualTo(1);
    assertThat(after).isEqualTo(1);
    assertThat(airflow.requests())
        .extracting(request -> request.body().contains("nines-incident-" + incident + "-attempt-"))
        .containsExactly(true, true);
    List<TimelineEntry> timeline = store.incidents().timeline(incident);
    assertThat(timeline.stream().filter(e -> e.kind() == TimelineKind.REMEDIATION_STARTED))
        .extracting(TimelineEntry::text)
        .containsExactly(
            "load_orders attempt 1: re-run Airflow DAG orders_dag (load_orders), automatic, up to"
                + " 2 attempts",
            "load_orders attempt 2: re-run Airflow DAG orders_dag (load_orders), automatic, up to"
                + " 2 attempts");
    assertThat(timeline.stream().filter(e -> e.kind() == TimelineKind.REMEDIATION_FINISHED))
        .hasSize(2)
        .allMatch(e -> e.text().contains(" succeeded: Airflow run nines-incident-"));
    assertThat(loop.runOnce()).isEmpty();
  }
}
