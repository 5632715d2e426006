package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Severity;
import dev.nines.incident.TimelineKind;
import dev.nines.notify.Silence;
import dev.nines.server.notify.ScriptedReceiver.Answer;
import dev.nines.spec.StoreSpec;
import dev.nines.store.OutboxEntry;
import dev.nines.store.OutboxStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path, incident timeline to outbox to receiver, on one kind of store database. */
abstract class NotificationPathContract {
  /** Monday 2026-03-02 10:00 UTC: working hours. */
  static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path folder;
  ScriptedReceiver receiver;
  NotifyHarness harness;

  abstract StoreSpec freshStore(Path folder) throws Exception;

  NotifyHarness start(String routes, Instant at) throws Exception {
    receiver = new ScriptedReceiver();
    String notify =
        """
        notify:
          link: https://nines.test
          channels:
            hook: { webhook: { url: "%s" } }
            digest: { webhook: { url: "%s" } }
          routes:
        %s
          business_hours: { zone: UTC, days: MON-FRI, hours: "09:00-17:00" }
          delivery: { give_up_after: 10m, max_backoff: 20s }
        """
            .formatted(receiver.url("/hook"), receiver.url("/digest"), routes.indent(4));
    harness = new NotifyHarness(freshStore(folder), folder, notify, at);
    return harness;
  }

  static final String AT_ONCE =
      "- { channels: [hook], group_wait: 0s, group_interval: 1m, business_hours: false }";

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void an_opened_incident_reaches_the_receiver_once_and_its_resolve_follows() throws Exception {
    start(AT_ONCE, MONDAY);
    long id = harness.incidents.open("orders", Severity.SEV2, "data-eng", MONDAY);
    harness.settle();
    assertThat(receiver.requests()).hasSize(1);
    assertThat(receiver.requests().get(0).body())
        .contains("\"action\":\"trigger\"")
        .contains("nines-incident-" + id)
        .contains("https://nines.test/api/v1/incidents/" + id);
    harness.clock.advance(Duration.ofMinutes(2));
    harness.incidents.resolve(id, harness.clock.instant());
    harness.settle();
    assertThat(receiver.requests()).hasSize(2);
    assertThat(receiver.requests().get(1).body()).contains("\"action\":\"resolve\"");
    assertThat(harness.incidents.timelineOf(id))
        .containsExactly(
            "OPENED: opened",
            "NOTIFIED: trigger sent to hook (HTTP 200 from 127.0.0.1)",
            "RESOLVED: passing again",
            "NOTIFIED: resolve sent to hook (HTTP 200 from 127.0.0.1)");
  }

  @Test
  void a_500_is_retried_after_a_backoff_and_then_delivered() throws Exception {
    start(AT_ONCE, MONDAY);
    receiver.then(Answer.status(500));
    harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    OutboxEntry waiting = harness.notifications().outbox(false, 10).get(0);
    assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(waiting.lastError()).contains("500");
    assertThat(waiting.nextAttemptAt()).isBetween(MONDAY, MONDAY.plusSeconds(1));
    harness.clock.advance(Duration.ofSeconds(1));
    harness.settle();
    assertThat(receiver.requests()).hasSize(2); // the 500, then the delivery
    assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
    assertThat(harness.notifications().outbox(false, 10)).isEmpty();
  }

  @Test
  void a_429_waits_exactly_what_retry_after_asks() throws Exception {
    start(AT_ONCE, MONDAY);
    receiver.then(new Answer(429, Map.of("Retry-After", "30"), 0));
    harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    assertThat(harness.notifications().outbox(false, 10).get(0).nextAttemptAt())
        .isEqualTo(MONDAY.plusSeconds(30));
    harness.clock.advance(Duration.ofSeconds(29));
    harness.settle();
    assertThat(receiver.requests()).hasSize(1); // the one answered 429
    harness.clock.advance(Duration.ofSeconds(1));
    harness.settle();
    assertThat(receiver.requests()).hasSize(2);
  }

  @Test
  void a_hanging_receiver_times_out_and_the_message_is_sent_again() throws Exception {
    start(AT_ONCE, MONDAY);
    receiver.then(new Answer(200, Map.of(), 2_000));
    harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    assertThat(receiver.requests()).isEmpty();
    assertThat(harness.notifications().outbox(false, 10).get(0).lastError()).contains("127.0.0.1");
    harness.clock.advance(Duration.ofSeconds(20));
    harness.settle();
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void a_receiver_failing_past_give_up_after_is_given_up_on_the_incident() throws Exception {
    start(AT_ONCE, MONDAY);
    for (int i = 0; i < 200; i++) {
      receiver.then(Answer.status(503));
    }
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    for (int minute = 0; minute <= 11; minute++) {
      harness.settle();
      harness.clock.advance(Duration.ofSeconds(20));
      harness.settle();
      harness.clock.advance(Duration.ofSeconds(40));
    }
    OutboxEntry failed = harness.notifications().outbox(true, 10).get(0);
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.attempts()).isGreaterThan(5);
    assertThat(harness.incidents.timelineOf(id))
        .last()
        .asString()
        .startsWith("NOTIFICATION_FAILED: trigger to hook given up after")
        .contains("HTTP 503");
  }

  @Test
  void a_worker_stopped_after_claiming_leaves_each_message_to_the_next_exactly_once()
      throws Exception {
    start(AT_ONCE, MONDAY);
    for (int i = 0; i < 5; i++) {
      harness.incidents.open("orders_" + i, Severity.SEV1, "data-eng", MONDAY);
    }
    while (harness.notifier.tail(100) > 0) {
      // read every opened entry
    }
    assertThat(harness.notifier.flush(100)).isEqualTo(5);
    // the first worker claims everything, then its process stops before sending
    assertThat(harness.notifications().claim(100, MONDAY, Duration.ofSeconds(60))).hasSize(5);
    try (DeliveryWorker restarted = harness.worker(Duration.ofSeconds(60))) {
      assertThat(restarted.deliverDue(100)).isZero();
      harness.clock.advance(Duration.ofSeconds(61));
      assertThat(restarted.deliverDue(100)).isEqualTo(5);
      assertThat(restarted.deliverDue(100)).isZero();
    }
    // the notifier redoing its steps queues nothing twice
    assertThat(harness.notifier.tail(100)).isEqualTo(5); // the NOTIFIED entries
    assertThat(harness.notifier.flush(100)).isZero();
    assertThat(receiver.requests()).hasSize(5);
    assertThat(receiver.requests().stream().map(r -> r.header("X-Nines-Delivery")).distinct())
        .hasSize(5);
  }

  @Test
  void a_burst_of_failures_of_one_cause_makes_one_notification_per_incident() throws Exception {
    start("- { channels: [hook], group_wait: 30s, business_hours: false }", MONDAY);
    long orders = harness.incidents.open("orders", Severity.SEV2, "data-eng", MONDAY);
    for (int i = 0; i < 199; i++) {
      harness.incidents.timeline(orders, TimelineKind.FAILED_AGAIN, MONDAY, "failed again");
    }
    long customers = harness.incidents.open("customers", Severity.SEV2, "data-eng", MONDAY);
    harness.incidents.severity(orders, Severity.SEV1, MONDAY.plusSeconds(5));
    harness.settle();
    assertThat(receiver.requests()).isEmpty(); // group wait
    harness.clock.advance(Duration.ofSeconds(30));
    harness.settle();
    assertThat(receiver.requests()).hasSize(2);
    assertThat(receiver.requests().stream().map(ScriptedReceiver.Request::body))
        .anySatisfy(body -> assertThat(body).contains("nines-incident-" + orders))
        .anySatisfy(body -> assertThat(body).contains("nines-incident-" + customers));
  }

  @Test
  void a_sev2_opened_on_saturday_waits_for_monday_morning() throws Exception {
    Instant saturday = Instant.parse("2026-03-07T22:00:00Z");
    start("- { channels: [hook], group_wait: 0s }", saturday);
    harness.incidents.open("orders", Severity.SEV2, "data-eng", saturday);
    harness.settle();
    harness.clock.set(Instant.parse("2026-03-09T08:59:00Z"));
    harness.settle();
    assertThat(receiver.requests()).isEmpty();
    harness.clock.set(Instant.parse("2026-03-09T09:00:00Z"));
    harness.settle();
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void an_incident_resolved_while_its_first_message_waits_is_never_sent() throws Exception {
    start("- { channels: [hook], group_wait: 1m, business_hours: false }", MONDAY);
    long id = harness.incidents.open("orders", Severity.SEV2, "data-eng", MONDAY);
    harness.settle();
    harness.clock.advance(Duration.ofSeconds(20));
    harness.incidents.resolve(id, harness.clock.instant());
    harness.clock.advance(Duration.ofMinutes(5));
    harness.settle();
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void a_silenced_incident_is_noted_on_its_timeline_and_sent_when_the_silence_ends()
      throws Exception {
    start(AT_ONCE, MONDAY);
    harness
        .notifications()
        .addSilence(
            new Silence(
                0,
                Silence.Match.dataset("orders"),
                MONDAY,
                MONDAY.plusSeconds(3600),
                "backfill running",
                "ann",
                MONDAY));
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    assertThat(receiver.requests()).isEmpty();
    assertThat(harness.incidents.timelineOf(id))
        .contains(
            "COMMENTED: notification to hook held by silence #1 (backfill running, by ann) until"
                + " 2026-03-02T11:00:00Z");
    harness.clock.advance(Duration.ofHours(1));
    harness.settle();
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void removing_a_silence_lets_a_held_trigger_out_within_a_minute() throws Exception {
    start(AT_ONCE, MONDAY);
    Silence silence =
        harness
            .notifications()
            .addSilence(
                new Silence(
                    0,
                    Silence.Match.dataset("orders"),
                    MONDAY,
                    MONDAY.plusSeconds(86400),
                    "known",
                    "ann",
                    MONDAY));
    harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    assertThat(harness.notifications().removeSilence(silence.id(), MONDAY.plusSeconds(10)))
        .isTrue();
    harness.clock.advance(Duration.ofSeconds(59));
    harness.settle();
    assertThat(receiver.requests()).isEmpty();
    harness.clock.advance(Duration.ofSeconds(1));
    harness.settle();
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void a_daily_digest_sends_one_message_for_the_day_s_incidents() throws Exception {
    start("- { channels: [digest], digest: daily 09:00 }", MONDAY);
    long orders = harness.incidents.open("orders", Severity.SEV3, "research", MONDAY);
    long customers =
        harness.incidents.open("customers", Severity.SEV3, "research", MONDAY.plusSeconds(600));
    harness.clock.advance(Duration.ofHours(1));
    harness.incidents.resolve(customers, harness.clock.instant());
    harness.settle();
    assertThat(receiver.requests()).isEmpty();
    harness.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
    harness.settle();
    assertThat(receiver.requests()).hasSize(1);
    assertThat(receiver.requests().get(0).body())
        .contains("\"kind\":\"group\"")
        .contains("nines-incident-" + orders)
        .contains("nines-incident-" + customers);
    assertThat(harness.incidents.timelineOf(orders)).last().asString().startsWith("NOTIFIED");
  }
}
