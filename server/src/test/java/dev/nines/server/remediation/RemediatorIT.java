package dev.nines.server.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.check.CheckTypes;
import dev.nines.incident.Subject;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.server.api.Conflict;
import dev.nines.server.api.NotFound;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemediatorIT {
  private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

  @TempDir Path folder;
  private final Receiver hook = new Receiver();
  private final MemoryIncidents incidents = new MemoryIncidents();
  private Remediator remediator;

  @BeforeEach
  void setUp() throws IOException {
    String yaml =
        """
        sources:
          warehouse: { url: "jdbc:postgresql://db/x" }
        datasets:
          orders: { source: warehouse, table: orders, runbook: "https://wiki/orders" }
          research: { source: warehouse, table: research, runbook: "https://wiki/research" }
        pipelines:
          load_orders:
            outputs: [orders]
            remediation: { webhook: { url: "%s/fix", secret: s } }
        """
            .formatted(hook.url());
    Path file = Files.writeString(folder.resolve("nines.yml"), yaml);
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    remediator =
        new Remediator(
            incidents,
            () -> spec,
            new Actions(Duration.ofSeconds(10)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    incidents.put(Incidents.open(1, Subject.dataset("orders")));
    incidents.put(Incidents.open(2, Subject.dataset("research")));
  }

  @AfterEach
  void stop() {
    hook.close();
  }

  @Test
  void a_manual_run_is_recorded_with_who_asked_and_the_result() {
    hook.answer(200, "ok");

    RemediationAttempt attempt = remediator.run(1, null, "alice");
    RemediationAttempt again = remediator.run(1, "load_orders", "bob");

    assertThat(attempt.action()).isEqualTo("load_orders");
    assertThat(attempt.attempt()).isEqualTo(1);
    assertThat(attempt.succeeded()).isTrue();
    assertThat(attempt.result()).isEqualTo("the webhook at " + hook.url() + " answered HTTP 200");
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(incidents.timeline(1))
        .extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TimelineKind.REMEDIATION_STARTED,
                "alice",
                "load_orders attempt 1: call the remediation webhook at "
                    + hook.url()
                    + " (load_orders)"),
            org.assertj.core.groups.Tuple.tuple(
                TimelineKind.REMEDIATION_FINISHED,
                "alice",
                "load_orders attempt 1 succeeded: the webhook at "
                    + hook.url()
                    + " answered HTTP 200"),
            org.assertj.core.groups.Tuple.tuple(
                TimelineKind.REMEDIATION_STARTED,
                "bob",
                "load_orders attempt 2: call the remediation webhook at "
                    + hook.url()
                    + " (load_orders)"),
            org.assertj.core.groups.Tuple.tuple(
                TimelineKind.REMEDIATION_FINISHED,
                "bob",
                "load_orders attempt 2 succeeded: the webhook at "
                    + hook.url()
                    + " answered HTTP 200"));
    Remediations listed = remediator.list(1);
    assertThat(listed.offers())
        .extracting(Remediations.Offer::name, Remediations.Offer::runnable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("load_orders", true),
            org.assertj.core.groups.Tuple.tuple("runbook_orders", false));
    assertThat(listed.attempts())
        .extracting(RemediationAttempt::actor, RemediationAttempt::succeeded)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", true),
            org.assertj.core.groups.Tuple.tuple("bob", true));
  }

  @Test
  void a_failed_attempt_is_recorded_as_failed() {
    hook.answer(503, "maintenance");

    RemediationAttempt attempt = remediator.run(1, null, null);

    assertThat(attempt.succeeded()).isFalse();
    assertThat(attempt.actor()).isEqualTo("nines");
    assertThat(remediator.list(1).attempts().get(0).result())
        .isEqualTo("the webhook at " + hook.url() + " answered HTTP 503: maintenance");
  }

  @Test
  void an_unknown_incident_or_nothing_to_run_is_refused_with_a_clear_message() {
    assertThatThrownBy(() -> remediator.run(99, null, "alice"))
        .isInstanceOf(NotFound.class)
        .hasMessage("incident #99 does not exist");
    assertThatThrownBy(() -> remediator.list(99)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> remediator.run(2, null, "alice"))
        .isInstanceOf(Conflict.class)
        .hasMessage(
            "nothing to run for incident #2: no pipeline behind dataset research declares"
                + " remediation with airflow: or webhook: (runbook: https://wiki/research)");
    assertThatThrownBy(() -> remediator.run(1, "load_ordres", "alice"))
        .isInstanceOf(Conflict.class)
        .hasMessage(
            "incident #1 is not offered an action named 'load_ordres'; it is offered:"
                + " load_orders (runbook: https://wiki/orders)");
    assertThat(incidents.timeline(2)).isEmpty();
    assertThat(hook.requests()).isEmpty();
  }
}
