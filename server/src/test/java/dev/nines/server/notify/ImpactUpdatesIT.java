package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.incident.Severity;
import dev.nines.notify.Silence;
import dev.nines.notify.channels.WebhookChannel;
import dev.nines.server.notify.ScriptedReceiver.Request;
import dev.nines.spec.StoreSpec;
import dev.nines.store.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New downstream impact of a firing incident: an update where the channel takes one. */
class ImpactUpdatesIT {
  /** Monday 2026-03-02 10:00 UTC: working hours. */
  private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;
  private ScriptedReceiver receiver;
  private NotifyHarness harness;

  private void start(String timing) throws Exception {
    receiver = new ScriptedReceiver();
    String notify =
        """
        notify:
          link: https://nines.test
          channels:
            slack: { slack: { webhook: "%s" } }
            teams: { teams: { webhook: "%s" } }
            hook: { webhook: { url: "%s", secret: topsecret } }
            pd: { pagerduty: { routing_key: pdkey, api_url: "%s" } }
            genie: { opsgenie: { api_key: ogkey, api_url: "%s" } }
            am: { alertmanager: { url: "%s" } }
            mail: { email: { to: ops@example.com, from: nines@example.com, host: 127.0.0.1, port: 1 } }
          routes:
            - { channels: [slack, teams, hook, pd, genie, am, mail], group_wait: 0s, group_interval: 1m, %s }
          business_hours: { zone: UTC, days: MON-FRI, hours: "09:00-17:00" }
        """
            .formatted(
                receiver.url("/slack"),
                receiver.url("/teams"),
                receiver.url("/hook"),
                receiver.url("/pd"),
                receiver.url("/genie"),
                receiver.url("/am"),
                timing);
    harness =
        new NotifyHarness(
            new StoreSpec("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), null, null),
            folder,
            notify,
            MONDAY);
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private List<Request> to(String path) {
    return receiver.requests().stream().filter(r -> r.path().startsWith(path)).toList();
  }

  private long outboxFor(String channel) {
    return harness.notifications().outbox(false, 100).stream()
        .map(OutboxEntry::channel)
        .filter(channel::equals)
        .count();
  }

  @Test
  void slack_teams_and_webhook_hear_of_new_impact_and_the_others_do_not() throws Exception {
    start("business_hours: false");
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    assertThat(receiver.requests()).hasSize(6);
    assertThat(outboxFor("mail")).isEqualTo(1);

    harness.clock.advance(Duration.ofMinutes(5));
    harness.incidents.addImpact(id, "revenue", harness.clock.instant());
    harness.settle();

    assertThat(receiver.requests()).hasSize(9);
    assertThat(to("/pd")).hasSize(1);
    assertThat(to("/genie")).hasSize(1);
    assertThat(to("/am")).hasSize(1);
    assertThat(outboxFor("mail")).isEqualTo(1);

    JsonNode slack = JSON.readTree(to("/slack").get(1).body());
    assertThat(slack.path("text").asText())
        .isEqualTo(
            "[SEV1] orders: duplicates_order_id FAIL (incident #"
                + id
                + ") now also affects dataset revenue");
    assertThat(slack.path("blocks").get(0).path("text").path("text").asText())
        .contains("Now also affects dataset revenue");

    JsonNode teams = JSON.readTree(to("/teams").get(1).body());
    JsonNode card = teams.path("attachments").get(0).path("content");
    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.path("body").get(1).path("text").asText())
        .isEqualTo("**Now also affects** dataset revenue");

    Request hook = to("/hook").get(1);
    JsonNode event = JSON.readTree(hook.body());
    assertThat(event.path("kind").asText()).isEqualTo("impact_added");
    assertThat(event.path("impact_added").toString())
        .isEqualTo("[{\"kind\":\"DATASET\",\"name\":\"revenue\"}]");
    assertThat(event.path("alert").path("incident").path("impact").toString())
        .isEqualTo("[{\"kind\":\"DATASET\",\"name\":\"revenue\"}]");
    assertThat(hook.header("X-Nines-Signature"))
        .isEqualTo(
            WebhookChannel.signature("topsecret", hook.header("X-Nines-Timestamp"), hook.body()));

    // the same impact is not told twice; the next joins as its own update
    harness.clock.advance(Duration.ofMinutes(5));
    harness.settle();
    assertThat(receiver.requests()).hasSize(9);
    harness.incidents.addImpact(id, "finance_mart", harness.clock.instant());
    harness.settle();
    assertThat(to("/slack")).hasSize(3);
    assertThat(JSON.readTree(to("/slack").get(2).body()).path("text").asText())
        .endsWith("now also affects dataset finance_mart");
  }

  @Test
  void impact_joining_within_the_group_interval_waits_for_it_and_goes_in_one_update()
      throws Exception {
    start("business_hours: false");
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    harness.clock.advance(Duration.ofSeconds(10));
    harness.incidents.addImpact(id, "revenue", harness.clock.instant());
    harness.settle();
    harness.clock.advance(Duration.ofSeconds(10));
    harness.incidents.addImpact(id, "finance_mart", harness.clock.instant());
    harness.settle();
    assertThat(to("/slack")).hasSize(1);

    harness.clock.advance(Duration.ofSeconds(45));
    harness.settle();
    assertThat(to("/slack")).hasSize(2);
    assertThat(JSON.readTree(to("/slack").get(1).body()).path("text").asText())
        .endsWith("now also affects dataset revenue, dataset finance_mart");
  }

  @Test
  void an_update_waits_out_a_silence_and_business_hours_like_a_trigger() throws Exception {
    start("business_hours: true, repeat_interval: 48h");
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();
    assertThat(to("/slack")).hasSize(1);

    harness.clock.advance(Duration.ofHours(7).plusMinutes(30)); // 17:30, after hours
    harness.incidents.addImpact(id, "revenue", harness.clock.instant());
    harness.settle();
    assertThat(to("/slack")).hasSize(1);

    Instant evening = harness.clock.instant();
    harness
        .notifications()
        .addSilence(
            new Silence(
                0,
                Silence.Match.dataset("orders"),
                evening,
                Instant.parse("2026-03-03T10:00:00Z"),
                "backfill running",
                "ann",
                evening));
    harness.clock.advance(Duration.ofHours(15).plusMinutes(30)); // Tuesday 09:00, silenced
    harness.settle();
    assertThat(to("/slack")).hasSize(1);
    assertThat(harness.incidents.timelineOf(id))
        .contains(
            "COMMENTED: notification to slack held by silence #1 (backfill running, by ann) until"
                + " 2026-03-03T10:00:00Z");

    harness.clock.advance(Duration.ofHours(1)); // the silence is over
    harness.settle();
    assertThat(to("/slack")).hasSize(2);
    assertThat(JSON.readTree(to("/slack").get(1).body()).path("text").asText())
        .endsWith("now also affects dataset revenue");
  }
}
