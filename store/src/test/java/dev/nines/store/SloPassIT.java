package dev.nines.store;

import static dev.nines.store.StoreFixtures.runOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentManager;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.pipeline.PipelineRule;
import dev.nines.slo.AlertLevel;
import dev.nines.slo.Interval;
import dev.nines.slo.SloStatus;
import dev.nines.spec.SloSpec;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.StoreSpec;
import dev.nines.store.slo.SloPass;
import dev.nines.store.slo.SloResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/** SLIs fed from the store's observation log into persisted buckets, the same on H2 and PG. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class SloPassIT {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  static final String SPEC =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders:
          source: warehouse
          table: orders
          owner: data-eng
          checks:
            - duplicates: { column: id }
            - freshness: { column: loaded_at, fail: 2h }
      pipelines:
        load_orders: { schedule: "0 * * * *" }
      slos:
        load_orders_on_time:
          sli: { pipeline: load_orders }
          objective: 99%
          window: 30d
        orders_unique:
          sli: { check: orders.duplicates_id }
          objective: 99%
          window: 30d
        orders_fresh:
          sli: { freshness: orders, max_age: 1h, max_gap: 2h }
          objective: 99.9%
          window: 30d
          no_data: ignore
        orders_rows:
          sli: { metric: { dataset: orders, metric: row_count }, good: { min: 10 } }
          objective: 99%
          window: 30d
      consumers:
        finance:
          agreements: [ { promise: orders has no duplicates, slos: [orders_unique] } ]
          breach: SEV1
      """;

  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  StoreSpec storeSpec;
  NinesStore store;
  Spec spec;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() throws Exception {
    storeSpec = database.freshStore(folder);
    store = NinesStore.open(storeSpec);
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static Observation duplicates(Status status, Instant at) {
    return new Observation(
        "orders",
        "duplicates_id",
        "duplicates",
        status,
        Kind.DATA,
        null,
        0.0,
        null,
        "duplicates " + status,
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }

  static Observation freshness(double ageSeconds, Instant at) {
    return new Observation(
        "orders",
        "freshness",
        "freshness",
        Status.PASS,
        Kind.DATA,
        null,
        ageSeconds,
        null,
        "age " + ageSeconds,
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }

  /** One duplicates observation a minute for {@code minutes}, FAIL for the minutes in bad. */
  void saveMinutes(Instant from, int minutes, java.util.function.IntPredicate bad) {
    List<Observation> observations = new ArrayList<>();
    for (int minute = 0; minute < minutes; minute++) {
      Status status = bad.test(minute) ? Status.FAIL : Status.PASS;
      observations.add(duplicates(status, from.plus(Duration.ofMinutes(minute))));
    }
    store.save(runOf(from, observations.toArray(Observation[]::new)), List.of());
  }

  SloStatus statusOf(List<SloResult> results, String name) {
    return results.stream()
        .filter(result -> result.name().equals(name))
        .findFirst()
        .orElseThrow()
        .status()
        .orElseThrow();
  }

  @Test
  void check_slo_counts_history_and_new_observations_and_reloads_the_same_from_the_store() {
    Instant start = T0.minus(Duration.ofHours(10));
    saveMinutes(start, 300, minute -> minute % 100 == 0); // 3 bad of 300, before the first pass
    SloPass pass = new SloPass(store);
    SloStatus first = statusOf(pass.run(spec.slos(), T0), "orders_unique");
    assertThat(first.tally().good()).isEqualTo(297);
    assertThat(first.tally().bad()).isEqualTo(3);

    saveMinutes(T0.minus(Duration.ofMinutes(100)), 100, minute -> minute < 2); // 2 bad of 100
    SloStatus warm = statusOf(pass.run(spec.slos(), T0), "orders_unique");
    SloStatus cold = statusOf(new SloPass(store).run(spec.slos(), T0), "orders_unique");

    assertThat(warm.tally().good()).isEqualTo(395);
    assertThat(warm.tally().bad()).isEqualTo(5);
    assertThat(cold.tally()).isEqualTo(warm.tally());
    assertThat(cold.burnRates()).isEqualTo(warm.burnRates());
    // 5 bad of 400 valid: 98.75%; budget 1% of 400 = 4 events, 5 spent
    assertThat(warm.sli()).contains(new BigDecimal("0.9875"));
    assertThat(warm.budget().total()).isEqualByComparingTo("4");
    assertThat(warm.budget().spent()).isEqualByComparingTo("5");
    assertThat(warm.met()).isFalse();
  }

  @Test
  void an_observation_is_counted_once_however_many_passes_run() {
    SloPass pass = new SloPass(store);
    pass.run(spec.slos(), T0.minus(Duration.ofHours(2)));
    saveMinutes(T0.minus(Duration.ofMinutes(60)), 60, minute -> false);
    pass.run(spec.slos(), T0);
    pass.run(spec.slos(), T0);
    SloStatus other = statusOf(new SloPass(store).run(spec.slos(), T0), "orders_unique");

    assertThat(statusOf(pass.run(spec.slos(), T0), "orders_unique").tally().good()).isEqualTo(60);
    assertThat(other.tally().good()).isEqualTo(60);
  }

  List<Observation> burnObservations(Status status) {
    return store.observations("orders_unique", status, null, 100, 0).stream()
        .filter(o -> o.checkType().equals(SloPass.BURN_CHECK_TYPE))
        .toList();
  }

  Incident sloIncident() {
    IncidentManager manager = new IncidentManager(spec, Clock.fixed(T0, ZoneOffset.UTC));
    store.incidents().process(manager);
    return store.incidents().list(IncidentQuery.ALL, 10, 0).stream()
        .filter(i -> i.subject().equals(Subject.slo("orders_unique")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_fast_burn_pages_as_an_incident_about_the_slo_with_the_consumers_urgency() {
    SloPass pass = new SloPass(store);
    store.incidents().startTailing();
    // the last 30 minutes of a day all bad: 1h burns 50x, 5m 100x
    saveMinutes(T0.minus(Duration.ofHours(24)), 24 * 60, minute -> minute >= 24 * 60 - 30);
    List<SloResult> results = pass.run(spec.slos(), T0);

    assertThat(statusOf(results, "orders_unique").alert().level()).isEqualTo(AlertLevel.PAGE);
    assertThat(burnObservations(Status.FAIL))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.check()).isEqualTo(SloPass.BURN_CHECK);
              assertThat(o.message()).contains("50").contains("1h").contains("page");
            });
    assertThat(store.slos().evaluations())
        .filteredOn(e -> e.slo().equals("orders_unique"))
        .singleElement()
        .satisfies(e -> assertThat(e.alertLevel()).isEqualTo(AlertLevel.PAGE));
    Incident incident = sloIncident();
    assertThat(incident.severity()).isEqualTo(Severity.SEV1);
    assertThat(incident.consumers()).containsExactly("finance");
    assertThat(incident.owner()).isEqualTo("data-eng");
  }

  @Test
  void a_slow_burn_opens_a_ticket_level_incident_no_more_urgent_than_sev2() {
    SloPass pass = new SloPass(store);
    store.incidents().startTailing();
    // one bad minute in 50 for three days: 2x everywhere, below every page rule, over 3d/6h's 1x
    saveMinutes(T0.minus(Duration.ofDays(3)), 3 * 24 * 60, minute -> minute % 50 == 25);
    List<SloResult> results = pass.run(spec.slos(), T0);

    SloStatus status = statusOf(results, "orders_unique");
    assertThat(status.alert().level()).isEqualTo(AlertLevel.TICKET);
    assertThat(status.alert().fired().orElseThrow().longWindow()).isEqualTo(Duration.ofDays(3));
    assertThat(burnObservations(Status.WARN)).hasSize(1);
    Incident incident = sloIncident();
    assertThat(incident.severity()).isEqualTo(Severity.SEV2);
    assertThat(incident.severityRule()).contains("capped at SEV2");
  }

  @Test
  void a_quiet_slo_writes_no_burn_observations() {
    SloPass pass = new SloPass(store);
    saveMinutes(T0.minus(Duration.ofHours(2)), 120, minute -> false);
    pass.run(spec.slos(), T0);
    pass.run(spec.slos(), T0.plusSeconds(60));

    assertThat(burnObservations(null)).isEmpty();
  }

  @Test
  void two_replicas_taking_turns_count_every_observation_once() {
    try (NinesStore other = NinesStore.open(storeSpec)) {
      SloPass replicaA = new SloPass(store);
      SloPass replicaB = new SloPass(other);
      replicaA.run(spec.slos(), T0.minus(Duration.ofHours(3)));
      replicaB.run(spec.slos(), T0.minus(Duration.ofHours(3)));
      saveMinutes(T0.minus(Duration.ofMinutes(120)), 60, minute -> minute < 3);
      replicaA.run(spec.slos(), T0);
      saveMinutes(T0.minus(Duration.ofMinutes(60)), 60, minute -> minute < 2);
      SloStatus fromB = statusOf(replicaB.run(spec.slos(), T0), "orders_unique");
      SloStatus fromA = statusOf(replicaA.run(spec.slos(), T0), "orders_unique");

      assertThat(fromB.tally()).isEqualTo(new dev.nines.slo.Tally(115, 5, 0));
      assertThat(fromA.tally()).isEqualTo(fromB.tally());
    }
  }

  @Test
  void an_slo_edited_between_passes_keeps_its_counts() {
    saveMinutes(T0.minus(Duration.ofHours(2)), 100, minute -> minute < 4);
    SloPass pass = new SloPass(store);
    pass.run(spec.slos(), T0);
    SloSpec before = spec.slos().get("orders_unique");
    SloSpec stricter =
        new SloSpec(
            before.name(),
            before.description(),
            before.sli(),
            dev.nines.slo.Objective.parse("99.9%"),
            before.window(),
            before.budgeting(),
            before.slice(),
            before.noData(),
            before.location());

    SloStatus status = statusOf(pass.run(Map.of("orders_unique", stricter), T0), "orders_unique");

    assertThat(status.tally()).isEqualTo(new dev.nines.slo.Tally(96, 4, 0));
    assertThat(status.budget().total()).isEqualByComparingTo("0.1");
  }

  @Test
  void a_past_period_is_evaluated_from_the_log_for_reports() {
    saveMinutes(T0.minus(Duration.ofHours(10)), 600, minute -> minute < 6);
    SloSpec slo = spec.slos().get("orders_unique");

    SloResult result =
        store
            .slos()
            .status(
                slo, new Interval(T0.minus(Duration.ofHours(10)), T0.minus(Duration.ofHours(5))));

    SloStatus status = result.status().orElseThrow();
    assertThat(status.tally()).isEqualTo(new dev.nines.slo.Tally(294, 6, 0));
    assertThat(status.budget().total()).isEqualByComparingTo("3");
    assertThat(status.evaluatedAt()).isEqualTo(T0.minus(Duration.ofHours(5)));
  }

  @Test
  void freshness_slo_spends_the_exact_stale_minutes_seen_in_freshness_observations() {
    // loads at T0-5h and T0-3h30; looks every 30 minutes; max age 1h: stale from T0-4h to T0-3h30
    Instant load1 = T0.minus(Duration.ofHours(5));
    Instant load2 = T0.minus(Duration.ofMinutes(210));
    List<Observation> looks = new ArrayList<>();
    for (int look = 0; look <= 10; look++) {
      Instant at = load1.plus(Duration.ofMinutes(30L * look));
      Instant newest = at.isBefore(load2) ? load1 : load2;
      double age = Duration.between(newest, at).toSeconds();
      looks.add(freshness(age, at));
    }
    store.save(runOf(load1, looks.toArray(Observation[]::new)), List.of());

    SloStatus status = statusOf(new SloPass(store).run(spec.slos(), T0), "orders_fresh");

    // stale from load1 + 1h to load2 (30 min), then from load2 + 1h to the last look at T0 (2h30)
    assertThat(status.budget().spentTime()).isEqualTo(Duration.ofMinutes(30 + 150));
  }

  static Observation pipelineFinding(PipelineRule rule, Status status, Instant at) {
    return new Observation(
        "load_orders",
        rule.checkName(),
        rule.checkType(),
        status,
        rule.kind(),
        null,
        null,
        null,
        rule.checkName() + " " + status,
        List.of(),
        List.of(),
        at,
        null);
  }

  @Test
  void pipeline_slo_counts_run_and_slot_outcomes_but_not_at_risk_forecasts() {
    Instant slot = T0.minus(Duration.ofHours(2));
    store.save(
        runOf(
            slot,
            pipelineFinding(PipelineRule.MISSED, Status.PASS, slot.plusSeconds(60)),
            pipelineFinding(PipelineRule.AT_RISK, Status.WARN, slot.plusSeconds(600)),
            pipelineFinding(PipelineRule.AT_RISK, Status.PASS, slot.plusSeconds(900)),
            pipelineFinding(PipelineRule.FAILED, Status.PASS, slot.plusSeconds(900)),
            pipelineFinding(PipelineRule.MISSED, Status.FAIL, slot.plus(Duration.ofHours(1)))),
        List.of());

    SloStatus status = statusOf(new SloPass(store).run(spec.slos(), T0), "load_orders_on_time");

    // the first slot started and its run succeeded (2 good); the second slot was missed (1 bad)
    assertThat(status.tally()).isEqualTo(new dev.nines.slo.Tally(2, 1, 0));
  }
}
