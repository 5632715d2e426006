package dev.nines.server.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.Incident;
import dev.nines.incident.Subject;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemediationLoopIT {
  private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

  @TempDir Path folder;
  private final Receiver airflow = new Receiver();
  private final MemoryIncidents incidents = new MemoryIncidents();

  @AfterEach
  void stop() {
    airflow.close();
  }

  private Remediator remediator(boolean automatic, int maxAttempts) throws IOException {
    String yaml =
        """
        sources:
          warehouse: { url: "jdbc:postgresql://db/x" }
        datasets:
          orders: { source: warehouse, table: orders }
          research: { source: warehouse, table: research }
        pipelines:
          load_orders:
            outputs: [orders]
            remediation:
              airflow: { url: "%s", dag: orders_dag, token: t }
              automatic: %s
              max_attempts: %d
        """
            .formatted(airflow.url(), automatic, maxAttempts);
    Path file = Files.writeString(folder.resolve("nines.yml"), yaml);
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    return new Remediator(
        incidents,
        () -> spec,
        new Actions(Duration.ofSeconds(10)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void write(long incidentId, TimelineKind kind) {
    incidents.append(new TimelineEntry(0, incidentId, NOW, kind, TimelineEntry.NINES, kind.name()));
  }

  private List<TimelineEntry> entries(long incidentId, TimelineKind kind) {
    return incidents.timeline(incidentId).stream().filter(e -> e.kind() == kind).toList();
  }

  @Test
  void an_incident_that_reopens_three_times_is_remediated_exactly_max_attempts_times()
      throws IOException {
    airflow.answer(200, "{\"state\": \"queued\"}");
    RemediationLoop loop = new RemediationLoop(incidents, remediator(true, 2), Clock.systemUTC());
    loop.runOnce(); // creates the cursor after the (empty) history
    incidents.put(Incidents.open(5, Subject.dataset("orders")));

    write(5, TimelineKind.OPENED);
    List<RemediationAttempt> first = loop.runOnce();
    write(5, TimelineKind.RESOLVED);
    write(5, TimelineKind.REOPENED);
    List<RemediationAttempt> second = loop.runOnce();
    write(5, TimelineKind.REOPENED);
    write(5, TimelineKind.REOPENED);
    List<RemediationAttempt> third = loop.runOnce();

    assertThat(first).extracting(RemediationAttempt::attempt).containsExactly(1);
    assertThat(second).extracting(RemediationAttempt::attempt).containsExactly(2);
    assertThat(third).isEmpty();
    assertThat(airflow.requests()).hasSize(2);
    assertThat(airflow.requests())
        .extracting(request -> request.body().contains("\"nines-incident-5-attempt-"))
        .containsExactly(true, true);
    assertThat(entries(5, TimelineKind.REMEDIATION_STARTED))
        .extracting(TimelineEntry::actor, TimelineEntry::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "nines",
                "load_orders attempt 1: re-run Airflow DAG orders_dag (load_orders), automatic, up"
                    + " to 2 attempts"),
            org.assertj.core.groups.Tuple.tuple(
                "nines",
                "load_orders attempt 2: re-run Airflow DAG orders_dag (load_orders), automatic, up"
                    + " to 2 attempts"));
    assertThat(entries(5, TimelineKind.REMEDIATION_FINISHED))
        .extracting(TimelineEntry::text)
        .allMatch(text -> text.matches("load_orders attempt [12] succeeded: Airflow run .*"));
  }

  @Test
  void the_loop_started_in_the_background_remediates_when_woken() throws Exception {
    airflow.answer(200, "{\"state\": \"queued\"}");
    RemediationLoop loop = new RemediationLoop(incidents, remediator(true, 1), Clock.systemUTC());
    loop.runOnce();
    incidents.put(Incidents.open(8, Subject.dataset("orders")));
    try {
      loop.start(Duration.ofMinutes(10)); // only a wake can make it look within the test
      write(8, TimelineKind.OPENED);
      loop.wake();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (entries(8, TimelineKind.REMEDIATION_FINISHED).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      loop.close();
    }

    assertThat(entries(8, TimelineKind.REMEDIATION_FINISHED)).hasSize(1);
    assertThat(airflow.requests()).hasSize(1);
  }

  @Test
  void offered_but_not_automatic_actions_and_resolved_incidents_are_left_alone()
      throws IOException {
    RemediationLoop manual =
        new RemediationLoop(incidents, remediator(false, 1), Clock.systemUTC());
    manual.runOnce();
    incidents.put(Incidents.open(1, Subject.dataset("orders")));
    write(1, TimelineKind.OPENED);
    assertThat(manual.runOnce()).isEmpty();

    RemediationLoop automatic =
        new RemediationLoop(incidents, remediator(true, 3), Clock.systemUTC());
    automatic.runOnce();
    Incident resolved = Incidents.resolved(Incidents.open(2, Subject.dataset("orders")), NOW);
    incidents.put(resolved);
    incidents.put(Incidents.open(3, Subject.dataset("research")));
    write(2, TimelineKind.REOPENED);
    write(3, TimelineKind.OPENED);
    assertThat(automatic.runOnce()).isEmpty();
    assertThat(airflow.requests()).isEmpty();
  }

  @Test
  void history_before_the_cursor_existed_is_not_replayed() throws IOException {
    incidents.put(Incidents.open(4, Subject.dataset("orders")));
    write(4, TimelineKind.OPENED);

    RemediationLoop loop = new RemediationLoop(incidents, remediator(true, 1), Clock.systemUTC());

    assertThat(loop.runOnce()).isEmpty();
    assertThat(airflow.requests()).isEmpty();
  }
}
