package dev.nines.store;

import static dev.nines.store.StoreFixtures.runOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.check.CheckTypes;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentConflictException;
import dev.nines.incident.IncidentManager;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.ObservationRole;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The incident manager over the store, the same on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class IncidentStoreIT {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  static final String SPEC =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders: { source: warehouse, table: orders, owner: data-eng }
        revenue: { source: warehouse, table: revenue }
      consumers:
        finance:
          agreements: [ { promise: orders are right, datasets: [orders] } ]
          breach: SEV1
      """;

  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  NinesStore store;
  IncidentManager manager;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() throws Exception {
    store = NinesStore.open(database.freshStore(folder));
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    manager = new IncidentManager(spec, Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static Observation observed(String dataset, String check, Status status, Duration after) {
    return new Observation(
        dataset,
        check,
        "duplicates",
        status,
        Kind.DATA,
        null,
        1.0,
        null,
        check + " " + status,
        List.of(),
        List.of(),
        T0.plus(after),
        Duration.ZERO);
  }

  static Observation unreachable(String dataset, Duration after) {
    return new Observation(
        dataset,
        "row_count",
        "row_count",
        Status.ERROR,
        Kind.SYSTEM,
        ErrorCategory.CONNECTION,
        null,
        null,
        "connection refused",
        List.of(),
        List.of(),
        T0.plus(after),
        Duration.ZERO);
  }

  @Test
  void a_failing_check_opens_an_incident_that_two_passes_resolve_with_its_timeline() {
    store.save(runOf(T0, observed("orders", "dup", Status.PASS, Duration.ZERO)), List.of());
    store.incidents().process(manager);
    store.save(
        runOf(T0, observed("orders", "dup", Status.FAIL, Duration.ofMinutes(10))), List.of());
    store.save(
        runOf(T0, observed("orders", "dup", Status.FAIL, Duration.ofMinutes(20))), List.of());

    assertThat(store.incidents().process(manager)).isEqualTo(2);
    List<Incident> open = store.incidents().list(IncidentQuery.ALL, 10, 0);
    assertThat(open).hasSize(1);
    Incident incident = open.get(0);
    assertThat(incident.severity()).isEqualTo(Severity.SEV1);
    assertThat(incident.consumers()).containsExactly("finance");
    assertThat(incident.owner()).isEqualTo("data-eng");
    assertThat(incident.startedAt()).isEqualTo(T0);
    assertThat(incident.detectedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(incident.observationCount()).isEqualTo(2);
    assertThat(store.incidents().incident(incident.id())).contains(incident);

    store.save(
        runOf(T0, observed("orders", "dup", Status.PASS, Duration.ofMinutes(30))), List.of());
    store.save(
        runOf(T0, observed("orders", "dup", Status.PASS, Duration.ofMinutes(40))), List.of());
    assertThat(store.incidents().process(manager)).isEqualTo(2);

    Incident resolved = store.incidents().incident(incident.id()).orElseThrow();
    assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(resolved.timeToDetect()).isEqualTo(Duration.ofMinutes(10));
    assertThat(resolved.timeToResolve()).contains(Duration.ofMinutes(30));
    assertThat(store.incidents().timeline(incident.id()))
        .extracting(TimelineEntry::kind)
        .containsExactly(TimelineKind.OPENED, TimelineKind.RESOLVED);
    assertThat(store.incidents().observations(incident.id(), 10))
        .extracting(IncidentObservation::role, IncidentObservation::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ObservationRole.CAUSE, Status.FAIL),
            org.assertj.core.groups.Tuple.tuple(ObservationRole.CAUSE, Status.FAIL));
    assertThat(store.incidents().process(manager)).isZero();
  }

  @Test
  void a_down_source_is_one_incident_with_impact_and_lists_filter_by_what_it_touches() {
    store.incidents().process(manager);
    store.save(runOf(T0, observed("revenue", "dup", Status.FAIL, Duration.ZERO)), List.of());
    store.save(
        runOf(
            T0,
            unreachable("orders", Duration.ZERO),
            unreachable("revenue", Duration.ZERO),
            observed("orders", "other", Status.FAIL, Duration.ofMinutes(1))),
        List.of());
    store.incidents().process(manager);

    List<Incident> all = store.incidents().list(IncidentQuery.ALL, 10, 0);
    assertThat(all).hasSize(2);
    Incident down = all.get(0);
    assertThat(down.observationCount()).isEqualTo(3);
    assertThat(down.subject()).isEqualTo(Subject.source("warehouse"));
    assertThat(down.impact())
        .containsExactly(Subject.dataset("orders"), Subject.dataset("revenue"));
    assertThat(store.incidents().list(query(null, "orders", null), 10, 0))
        .extracting(Incident::id)
        .containsExactly(down.id());
    assertThat(store.incidents().list(query(Severity.SEV1, null, "finance"), 10, 0))
        .extracting(Incident::id)
        .containsExactly(down.id());
    assertThat(store.incidents().list(IncidentQuery.ALL, 1, 1))
        .extracting(Incident::subject)
        .containsExactly(Subject.dataset("revenue"));
  }

  @Test
  void people_act_on_incidents_and_the_timeline_keeps_who_did_what() {
    store.incidents().process(manager);
    store.save(runOf(T0, observed("revenue", "dup", Status.FAIL, Duration.ZERO)), List.of());
    store.incidents().process(manager);
    long id = store.incidents().list(IncidentQuery.ALL, 1, 0).get(0).id();
    IncidentStore people =
        store.incidents().withClock(Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC));

    people.acknowledge(id, "alice");
    people.assign(id, "bob", "alice");
    people.comment(id, "on it", "bob");
    people.resolve(id, Resolution.EXPECTED, "bob", "a backfill");
    store
        .incidents()
        .append(
            new TimelineEntry(0, id, T0.plusSeconds(700), TimelineKind.NOTIFIED, "slack", "sent"));

    Incident incident = store.incidents().incident(id).orElseThrow();
    assertThat(incident.timeToAcknowledge()).contains(Duration.ofMinutes(10));
    assertThat(incident.resolution()).isEqualTo(Resolution.EXPECTED);
    assertThat(incident.owner()).isEqualTo("bob");
    assertThat(store.incidents().timeline(id))
        .extracting(TimelineEntry::kind, TimelineEntry::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TimelineKind.OPENED, "nines"),
            org.assertj.core.groups.Tuple.tuple(TimelineKind.ACKNOWLEDGED, "alice"),
            org.assertj.core.groups.Tuple.tuple(TimelineKind.REASSIGNED, "alice"),
            org.assertj.core.groups.Tuple.tuple(TimelineKind.COMMENTED, "bob"),
            org.assertj.core.groups.Tuple.tuple(TimelineKind.RESOLVED, "bob"),
            org.assertj.core.groups.Tuple.tuple(TimelineKind.NOTIFIED, "slack"));
    assertThatThrownBy(() -> people.acknowledge(id, "carol"))
        .isInstanceOf(IncidentConflictException.class);
  }

  @Test
  void a_store_with_history_starts_the_manager_after_its_newest_observation() {
    store.save(runOf(T0, observed("orders", "dup", Status.FAIL, Duration.ZERO)), List.of());

    assertThat(store.incidents().process(manager)).isZero();
    store.save(runOf(T0, observed("orders", "dup", Status.FAIL, Duration.ofMinutes(1))), List.of());
    assertThat(store.incidents().process(manager)).isEqualTo(1);
  }

  @Test
  void escalation_raises_an_unresolved_incident_once_with_a_timeline_entry() throws Exception {
    store.incidents().process(manager);
    store.save(runOf(T0, observed("revenue", "dup", Status.FAIL, Duration.ZERO)), List.of());
    store.incidents().process(manager);
    Path file = folder.resolve("nines.yml");
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    IncidentManager later =
        new IncidentManager(spec, Clock.fixed(T0.plus(Duration.ofDays(15)), ZoneOffset.UTC));

    store.incidents().escalate(later);
    store.incidents().escalate(later);

    Incident incident = store.incidents().list(IncidentQuery.ALL, 1, 0).get(0);
    assertThat(incident.severity()).isEqualTo(Severity.SEV2);
    assertThat(store.incidents().timeline(incident.id()))
        .extracting(TimelineEntry::kind)
        .containsExactly(TimelineKind.OPENED, TimelineKind.SEVERITY_CHANGED);
  }

  private static IncidentQuery query(Severity severity, String subject, String consumer) {
    return new IncidentQuery(null, null, severity, subject, null, consumer, null, null);
  }
}
