package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.incident.IncidentManager;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.store.IncidentQuery;
import dev.nines.store.NinesStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", through the incident manager and the notifier on a real store: the
 * warehouse going down pages PagerDuty at once with its datasets as impact, a duplicates failure on
 * a research dataset waits for the daily digest, and both resolve on their own.
 */
class DoneWhenNotifyIT {
  /** Thursday 2026-03-05 22:00 UTC: outside working hours. */
  private static final Instant NIGHT = Instant.parse("2026-03-05T22:00:00Z");

  @TempDir Path folder;

  private int findings;

  @Test
  void warehouse_down_pages_at_once_and_research_duplicates_wait_for_the_digest() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver()) {
      Path file = folder.resolve("nines.yml");
      Files.writeString(
          file,
          """
          store: { url: "jdbc:h2:file:%s" }
          sources:
            warehouse: { url: "jdbc:h2:mem:warehouse" }
            lake: { url: "jdbc:h2:mem:lake" }
          datasets:
            orders: { source: warehouse, table: orders, owner: data-eng, tags: [finance] }
            customers: { source: warehouse, table: customers, owner: data-eng }
            ml_features: { source: lake, table: ml_features, owner: research }
          consumers:
            finance:
              agreements: [ { promise: orders is fresh, datasets: [orders] } ]
              breach: SEV1
              notify: [oncall]
            research:
              agreements: [ { promise: no duplicate features, datasets: [ml_features] } ]
              breach: SEV3
              notify: [ds-digest]
          notify:
            channels:
              oncall: { pagerduty: { routing_key: test-key, api_url: "%s" } }
              ds-digest: { webhook: { url: "%s" } }
            routes:
              - { match: { severity: SEV1 }, channels: [oncall], group_wait: 0s, group_interval: 0s }
              - { match: { severity: SEV3 }, channels: [ds-digest], digest: daily 09:00, continue: false }
          """
              .formatted(
                  folder.resolve("store").toAbsolutePath(),
                  receiver.url("/pagerduty"),
                  receiver.url("/digest")));
      Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
      TestClock clock = new TestClock(NIGHT);
      try (NinesStore store = NinesStore.open(spec.store());
          NotifierLoop notifier = NotifierLoop.wire(() -> spec, store.notifications(), clock)) {
        store.incidents().startTailing();
        observe(store, clock, "orders", Status.ERROR);
        observe(store, clock, "customers", Status.ERROR);
        observe(store, clock, "ml_features", Status.FAIL);
        round(store, spec, clock, notifier);

        List<ScriptedReceiver.Request> paged = paths(receiver, "/pagerduty");
        assertThat(paged).hasSize(1);
        assertThat(paged.get(0).body())
            .contains("\"event_action\":\"trigger\"")
            .contains("\"severity\":\"critical\"")
            .contains("warehouse")
            .contains("orders")
            .contains("customers");
        assertThat(paths(receiver, "/digest")).isEmpty();

        clock.set(Instant.parse("2026-03-06T09:00:00Z"));
        round(store, spec, clock, notifier);
        assertThat(paths(receiver, "/digest")).hasSize(1);
        assertThat(paths(receiver, "/digest").get(0).body()).contains("ml_features");

        for (int pass = 0; pass < 3; pass++) {
          clock.advance(Duration.ofMinutes(15));
          observe(store, clock, "orders", Status.PASS);
          observe(store, clock, "customers", Status.PASS);
          observe(store, clock, "ml_features", Status.PASS);
          round(store, spec, clock, notifier);
        }
        // the page was repeated once at 09:00 (still open, unacknowledged after 4h), then resolved
        paged = paths(receiver, "/pagerduty");
        assertThat(paged.stream().map(r -> r.body().contains("\"event_action\":\"resolve\"")))
            .containsExactly(false, false, true);
        assertThat(
                store.incidents().list(IncidentQuery.ALL, 10, 0).stream().filter(i -> i.isActive()))
            .isEmpty();
      }
    }
  }

  private void observe(NinesStore store, TestClock clock, String dataset, Status status) {
    boolean error = status == Status.ERROR;
    Observation observation =
        new Observation(
            dataset,
            "row_count",
            "row_count",
            status,
            error || dataset.equals("orders") ? Kind.SYSTEM : Kind.DATA,
            error ? ErrorCategory.CONNECTION : null,
            null,
            null,
            error ? "connection refused" : status == Status.FAIL ? "12 duplicate ids" : "ok",
            null,
            null,
            clock.instant(),
            Duration.ZERO);
    store.recordFinding("done-when-" + findings++, null, observation, clock.instant());
  }

  private static void round(NinesStore store, Spec spec, TestClock clock, NotifierLoop notifier) {
    store.incidents().process(new IncidentManager(spec, clock));
    for (int i = 0; i < 5 && notifier.round(); i++) {
      // until nothing is due
    }
  }

  private static List<ScriptedReceiver.Request> paths(ScriptedReceiver receiver, String path) {
    return receiver.requests().stream().filter(r -> r.path().equals(path)).toList();
  }
}
