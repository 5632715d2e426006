package dev.nines.incident;

import static dev.nines.incident.IncidentFixtures.SPEC;
import static dev.nines.incident.IncidentFixtures.T0;
import static dev.nines.incident.IncidentFixtures.error;
import static dev.nines.incident.IncidentFixtures.freshness;
import static dev.nines.incident.IncidentFixtures.observed;
import static dev.nines.incident.IncidentFixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Status;
import dev.nines.spec.Spec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentManagerTest {
  @TempDir Path folder;
  MemoryIncidentBook book;
  IncidentManager manager;

  @BeforeEach
  void setUp() {
    book = new MemoryIncidentBook();
    manager = managerAt(T0, SPEC);
  }

  private IncidentManager managerAt(Instant now, String yaml) {
    Spec spec = IncidentFixtures.spec(folder, yaml);
    return new IncidentManager(spec, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Instant at(Duration after) {
    return T0.plus(after);
  }

  @Test
  void duplicates_on_a_research_only_dataset_open_one_sev3_incident_that_later_failures_join() {
    book.feed(manager, observed("research_events", "duplicates_id", Status.PASS, T0));
    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.FAIL, at(Duration.ofHours(1))));
    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.FAIL, at(Duration.ofHours(2))));

    Incident incident = book.only();
    assertThat(incident.severity()).isEqualTo(Severity.SEV3);
    assertThat(incident.kind()).isEqualTo(Kind.DATA);
    assertThat(incident.subject()).isEqualTo(Subject.dataset("research_events"));
    assertThat(incident.key()).isEqualTo("dataset:research_events/duplicates_id");
    assertThat(incident.consumers()).containsExactly("research");
    assertThat(incident.agreements()).containsExactly("research events are clean");
    assertThat(incident.owner()).isEqualTo("ds");
    assertThat(incident.observationCount()).isEqualTo(2);
    assertThat(incident.startedAt()).isEqualTo(T0);
    assertThat(incident.detectedAt()).isEqualTo(at(Duration.ofHours(1)));
    assertThat(incident.timeToDetect()).isEqualTo(Duration.ofHours(1));
    assertThat(incident.severityRule())
        .isEqualTo(
            "default policy: a data failure is at least SEV3; the agreements touched ask for no"
                + " more");
    assertThat(book.kinds(incident.id())).containsExactly(TimelineKind.OPENED);
  }

  @Test
  void a_warning_that_later_fails_is_titled_by_the_failure_and_a_later_warning_does_not_undo_it() {
    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.WARN, at(Duration.ofHours(1))));
    assertThat(book.only().title()).isEqualTo("dataset research_events: duplicates_id WARN");

    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.FAIL, at(Duration.ofHours(2))));
    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.WARN, at(Duration.ofHours(3))));

    assertThat(book.only().title()).isEqualTo("dataset research_events: duplicates_id FAIL");
  }

  @Test
  void the_warehouse_going_down_is_one_sev1_source_incident_with_its_datasets_as_impact() {
    book.feed(manager, error("orders", "freshness", ErrorCategory.CONNECTION, T0));
    book.feed(manager, error("orders", "duplicates_id", ErrorCategory.CONNECTION, T0));
    book.feed(manager, error("revenue", "row_count", ErrorCategory.AUTHENTICATION, T0));

    Incident incident = book.only();
    assertThat(incident.subject()).isEqualTo(Subject.source("warehouse"));
    assertThat(incident.kind()).isEqualTo(Kind.SYSTEM);
    assertThat(incident.severity()).isEqualTo(Severity.SEV1);
    assertThat(incident.impact())
        .containsExactly(Subject.dataset("orders"), Subject.dataset("revenue"));
    assertThat(incident.consumers()).containsExactly("finance");
    assertThat(incident.observationCount()).isEqualTo(3);
    assertThat(incident.severityRule())
        .isEqualTo(
            "default policy: consumer finance agreed to SEV1 on breach of 'orders is never older"
                + " than 24 hours'");
  }

  @Test
  void a_source_incident_resolves_when_its_checks_run_again_and_records_ttd_and_ttr() {
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, T0));
    book.feed(
        manager,
        error("orders", "duplicates_id", ErrorCategory.CONNECTION, at(Duration.ofMinutes(15))));
    book.feed(
        manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(30))));
    assertThat(book.only().status()).isEqualTo(IncidentStatus.OPEN);
    book.feed(
        manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(45))));

    Incident incident = book.only();
    assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(incident.resolution()).isEqualTo(Resolution.FIXED);
    assertThat(incident.timeToDetect()).isEqualTo(Duration.ofMinutes(15));
    assertThat(incident.timeToResolve()).contains(Duration.ofMinutes(30));
    assertThat(book.kinds(incident.id()))
        .containsExactly(TimelineKind.OPENED, TimelineKind.RESOLVED);
  }

  @Test
  void auto_resolve_needs_consecutive_passes_and_a_failure_in_between_starts_again() {
    book.feed(manager, observed("orders", "duplicates_id", Status.FAIL, T0));
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(1))));
    book.feed(manager, observed("orders", "duplicates_id", Status.FAIL, at(Duration.ofMinutes(2))));
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(3))));

    assertThat(book.only().status()).isEqualTo(IncidentStatus.OPEN);
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(4))));
    assertThat(book.only().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(book.only().resolvedAt()).isEqualTo(at(Duration.ofMinutes(4)));
    assertThat(book.kinds(1))
        .containsExactly(TimelineKind.OPENED, TimelineKind.FAILED_AGAIN, TimelineKind.RESOLVED);
  }

  @Test
  void a_failure_within_the_cool_down_reopens_the_incident_and_a_later_one_opens_a_new_one() {
    book.feed(manager, observed("orders", "duplicates_id", Status.FAIL, T0));
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(1))));
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(2))));
    book.feed(
        manager, observed("orders", "duplicates_id", Status.FAIL, at(Duration.ofMinutes(50))));

    Incident reopened = book.only();
    assertThat(reopened.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(reopened.resolvedAt()).isNull();
    assertThat(book.kinds(1)).endsWith(TimelineKind.RESOLVED, TimelineKind.REOPENED);

    book.feed(
        manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(51))));
    book.feed(
        manager, observed("orders", "duplicates_id", Status.PASS, at(Duration.ofMinutes(52))));
    book.feed(manager, observed("orders", "duplicates_id", Status.FAIL, at(Duration.ofHours(3))));

    assertThat(book.incidents).hasSize(2);
    assertThat(book.incidents.get(2L).incident().status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(book.incidents.get(1L).incident().status()).isEqualTo(IncidentStatus.RESOLVED);
  }

  @Test
  void downstream_failures_of_a_missed_pipeline_join_its_incident_as_impact() {
    book.feed(manager, pipeline("load_orders", "missed", Status.FAIL, T0));
    book.feed(manager, freshness(Duration.ofHours(30), at(Duration.ofMinutes(5))));
    book.feed(manager, observed("revenue", "row_count", Status.FAIL, at(Duration.ofMinutes(6))));

    Incident incident = book.only();
    assertThat(incident.subject()).isEqualTo(Subject.pipeline("load_orders"));
    assertThat(incident.impact())
        .containsExactly(Subject.dataset("orders"), Subject.dataset("revenue"));
    assertThat(incident.severity()).isEqualTo(Severity.SEV1);
    assertThat(incident.startedAt()).isEqualTo(T0);
    assertThat(book.links.get(1L).values())
        .containsExactly(ObservationRole.CAUSE, ObservationRole.IMPACT, ObservationRole.IMPACT);

    book.feed(manager, pipeline("load_orders", "missed", Status.PASS, at(Duration.ofDays(1))));
    assertThat(book.only().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(book.only().resolvedAt()).isEqualTo(at(Duration.ofDays(1)));
  }

  @Test
  void freshness_starts_when_the_age_crossed_the_threshold() {
    book.feed(manager, freshness(Duration.ofHours(30), T0));

    Incident incident = book.only();
    assertThat(incident.startedAt()).isEqualTo(T0.minus(Duration.ofHours(6)));
    assertThat(incident.timeToDetect()).isEqualTo(Duration.ofHours(6));
    assertThat(incident.severity()).isEqualTo(Severity.SEV1);
  }

  @Test
  void a_warning_opens_an_incident_one_level_less_urgent_and_a_failure_raises_it() {
    book.feed(manager, freshness(Duration.ofHours(13), T0));
    assertThat(book.only().severity()).isEqualTo(Severity.SEV2);
    assertThat(book.only().startedAt()).isEqualTo(T0.minus(Duration.ofHours(1)));

    book.feed(manager, freshness(Duration.ofHours(25), at(Duration.ofHours(12))));
    assertThat(book.only().severity()).isEqualTo(Severity.SEV1);
    assertThat(book.kinds(1))
        .containsExactly(
            TimelineKind.OPENED, TimelineKind.SEVERITY_CHANGED, TimelineKind.FAILED_AGAIN);
  }

  @Test
  void other_errors_group_per_dataset_and_category_and_resolve_when_those_checks_run() {
    book.feed(manager, error("revenue", "row_count", ErrorCategory.PERMISSION, T0));
    book.feed(manager, error("revenue", "missing_id", ErrorCategory.PERMISSION, T0));
    book.feed(manager, observed("revenue", "unrelated", Status.PASS, at(Duration.ofMinutes(1))));
    book.feed(manager, observed("revenue", "unrelated", Status.PASS, at(Duration.ofMinutes(2))));

    Incident incident = book.only();
    assertThat(incident.key()).isEqualTo("dataset:revenue/error_permission");
    assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(incident.severity()).isEqualTo(Severity.SEV3);

    book.feed(manager, observed("revenue", "row_count", Status.FAIL, at(Duration.ofMinutes(3))));
    book.feed(manager, observed("revenue", "missing_id", Status.PASS, at(Duration.ofMinutes(3))));
    assertThat(book.incidents.get(1L).incident().status()).isEqualTo(IncidentStatus.RESOLVED);
  }

  @Test
  void an_unresolved_incident_escalates_after_its_level_time_once_per_level() {
    book.feed(manager, observed("revenue", "row_count", Status.FAIL, T0));
    assertThat(book.only().severity()).isEqualTo(Severity.SEV3);

    managerAt(at(Duration.ofDays(13)), SPEC).escalate(book);
    assertThat(book.only().severity()).isEqualTo(Severity.SEV3);
    managerAt(at(Duration.ofDays(14)), SPEC).escalate(book);
    assertThat(book.only().severity()).isEqualTo(Severity.SEV2);
    managerAt(at(Duration.ofDays(15)), SPEC).escalate(book);
    assertThat(book.only().severity()).isEqualTo(Severity.SEV2);
    managerAt(at(Duration.ofDays(17)), SPEC).escalate(book);

    assertThat(book.only().severity()).isEqualTo(Severity.SEV1);
    assertThat(book.timeline.stream().map(TimelineEntry::text).toList())
        .contains(
            "severity SEV3 -> SEV2: escalated from SEV3 after 14d unresolved (incidents.escalate)",
            "severity SEV2 -> SEV1: escalated from SEV2 after 3d unresolved (incidents.escalate)");
  }

  @Test
  void people_acknowledge_reassign_comment_and_resolve_and_a_resolved_incident_cannot_be_acked() {
    book.feed(manager, observed("orders", "duplicates_id", Status.FAIL, T0));
    IncidentActions actions =
        new IncidentActions(Clock.fixed(at(Duration.ofMinutes(10)), ZoneOffset.UTC));

    actions.acknowledge(book, 1, "alice");
    actions.assign(book, 1, "bob", "alice");
    actions.comment(book, 1, "looking at the loader", "bob");
    Incident resolved = actions.resolve(book, 1, Resolution.FALSE_POSITIVE, "bob", "test rows");

    assertThat(resolved.timeToAcknowledge()).contains(Duration.ofMinutes(10));
    assertThat(resolved.owner()).isEqualTo("bob");
    assertThat(resolved.resolution()).isEqualTo(Resolution.FALSE_POSITIVE);
    assertThat(book.timeline.stream().map(TimelineEntry::text).toList())
        .endsWith(
            "acknowledged by alice",
            "owner data-eng -> bob",
            "looking at the loader",
            "resolved as false_positive by bob: test rows");
    assertThatThrownBy(() -> actions.acknowledge(book, 1, "carol"))
        .isInstanceOf(IncidentConflictException.class)
        .hasMessage("incident #1 is resolved: only an open incident is acknowledged");
    assertThatThrownBy(() -> actions.comment(book, 99, "x", "carol"))
        .isInstanceOf(IncidentNotFoundException.class)
        .hasMessage("no incident #99");
  }

  @Test
  void spec_rules_come_before_the_default_policy() {
    IncidentManager ruled =
        managerAt(
            T0,
            SPEC
                + """
                incidents:
                  severity:
                    - when: { consumer: research, check_type: duplicates }
                      severity: INFO
                """);
    book.feed(ruled, observed("research_events", "duplicates_id", Status.FAIL, T0));

    assertThat(book.only().severity()).isEqualTo(Severity.INFO);
    assertThat(book.only().severityRule())
        .startsWith("rule 1 of incidents.severity (")
        .endsWith(") gives INFO");
    assertThat(List.of(book.only().consumers())).isNotEmpty();
  }

  @Test
  void research_duplicates_wait_as_sev3_while_the_warehouse_down_is_sev1_and_both_resolve_alone() {
    Duration min = Duration.ofMinutes(1);
    book.feed(manager, observed("research_events", "duplicates_id", Status.PASS, T0));
    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.FAIL, at(min.multipliedBy(15))));
    book.feed(
        manager,
        error("orders", "duplicates_id", ErrorCategory.CONNECTION, at(min.multipliedBy(16))));
    book.feed(
        manager, error("revenue", "row_count", ErrorCategory.CONNECTION, at(min.multipliedBy(16))));
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, at(min.multipliedBy(30))));
    book.feed(manager, observed("orders", "duplicates_id", Status.PASS, at(min.multipliedBy(45))));
    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.PASS, at(min.multipliedBy(60))));
    book.feed(
        manager,
        observed("research_events", "duplicates_id", Status.PASS, at(min.multipliedBy(75))));

    assertThat(book.incidents).hasSize(2);
    Incident research = book.incidents.get(1L).incident();
    assertThat(research.severity()).isEqualTo(Severity.SEV3);
    assertThat(research.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(research.timeToDetect()).isEqualTo(min.multipliedBy(15));
    assertThat(research.timeToResolve()).contains(min.multipliedBy(60));
    Incident warehouse = book.incidents.get(2L).incident();
    assertThat(warehouse.severity()).isEqualTo(Severity.SEV1);
    assertThat(warehouse.subject()).isEqualTo(Subject.source("warehouse"));
    assertThat(warehouse.impact())
        .containsExactly(Subject.dataset("orders"), Subject.dataset("revenue"));
    assertThat(warehouse.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(warehouse.timeToResolve()).contains(min.multipliedBy(29));
  }
}
