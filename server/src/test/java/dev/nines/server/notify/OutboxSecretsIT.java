package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.incident.Severity;
import dev.nines.notify.AlertAction;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import dev.nines.notify.channels.WebhookChannel;
import dev.nines.server.notify.ScriptedReceiver.Request;
import dev.nines.spec.StoreSpec;
import dev.nines.store.OutboxEntry;
import dev.nines.store.OutboxStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox keeps placeholders, never keys or webhook urls; delivery puts the live ones in. */
class OutboxSecretsIT {
  private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
  private static final String SLACK_PATH = "/services/T0001/B0002/slackSecretPath1";
  private static final String TEAMS_PATH = "/workflows/teamsSecretSig2";
  private static final String PD_KEY = "pdRoutingKeySecret3";
  private static final String OPSGENIE_KEY = "opsgenieApiKeySecret4";
  private static final String WEBHOOK_PATH = "/hook/webhookToken5";
  private static final String SIGNING_SECRET = "hmacSigningSecret6";
  private static final String ALERTMANAGER_PATH = "/am/alertmanagerSecretPath7";
  private static final String SMTP_PASSWORD = "smtpPasswordSecret8";

  @TempDir Path folder;
  private ScriptedReceiver receiver;
  private NotifyHarness harness;

  @BeforeEach
  void start() throws Exception {
    receiver = new ScriptedReceiver();
    harness =
        new NotifyHarness(
            new StoreSpec("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), null, null),
            folder,
            spec(PD_KEY, true),
            MONDAY);
  }

  @AfterEach
  void stop() {
    harness.close();
    receiver.close();
  }

  private String spec(String pagerDutyKey, boolean withWebhook) {
    String webhook =
        withWebhook
            ? "    hook: { webhook: { url: \"%s\", secret: %s } }\n"
                .formatted(receiver.url(WEBHOOK_PATH), SIGNING_SECRET)
            : "";
    return """
        notify:
          link: https://nines.test
          channels:
            slack: { slack: { webhook: "%s" } }
            teams: { teams: { webhook: "%s" } }
            pd: { pagerduty: { routing_key: %s, api_url: "%s" } }
            genie: { opsgenie: { api_key: %s, api_url: "%s" } }
        %s    am: { alertmanager: { url: "%s/" } }
            mail: { email: { to: ops@example.com, from: nines@example.com, host: 127.0.0.1, port: 1, user: nines, password: %s } }
          routes:
            - { match: { severity: [SEV1] }, channels: [slack, teams, pd, genie, %sam, mail], group_wait: 0s, business_hours: false }
        """
        .formatted(
            receiver.url(SLACK_PATH),
            receiver.url(TEAMS_PATH),
            pagerDutyKey,
            receiver.url("/pd/enqueue"),
            OPSGENIE_KEY,
            receiver.url("/genie"),
            webhook,
            receiver.url(ALERTMANAGER_PATH),
            SMTP_PASSWORD,
            withWebhook ? "hook, " : "");
  }

  private static final List<String> SECRETS =
      List.of(
          SLACK_PATH,
          "slackSecretPath1",
          "teamsSecretSig2",
          PD_KEY,
          OPSGENIE_KEY,
          "webhookToken5",
          SIGNING_SECRET,
          "alertmanagerSecretPath7",
          SMTP_PASSWORD);

  @Test
  void no_secret_of_the_spec_is_in_any_column_of_the_outbox() throws Exception {
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.notifier.tail(100);
    assertThat(harness.notifier.flush(100)).isEqualTo(7);

    List<String> cells = outboxCells();
    assertThat(cells).isNotEmpty();
    for (String cell : cells) {
      for (String secret : SECRETS) {
        assertThat(cell).as("an outbox column of incident " + id).doesNotContain(secret);
      }
    }
    assertThat(String.join("\n", cells))
        .containsPattern("\\{\\{nines-secret:[0-9a-f]{32}:pagerduty\\.routing_key}}")
        .containsPattern("GenieKey \\{\\{nines-secret:[0-9a-f]{32}:opsgenie\\.api_key}}")
        .containsPattern("\\{\\{nines-signature:[0-9a-f]{32}:webhook\\.secret}}");
  }

  @Test
  void delivery_carries_the_documented_keys_urls_and_a_verifiable_signature() throws Exception {
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.settle();

    Map<String, Request> byPath = new java.util.HashMap<>();
    receiver.requests().forEach(request -> byPath.put(request.path(), request));
    assertThat(byPath)
        .containsOnlyKeys(
            SLACK_PATH,
            TEAMS_PATH,
            "/pd/enqueue",
            "/genie/v2/alerts",
            WEBHOOK_PATH,
            ALERTMANAGER_PATH + "/api/v2/alerts");
    JsonNode pagerDuty = new ObjectMapper().readTree(byPath.get("/pd/enqueue").body());
    assertThat(pagerDuty.path("routing_key").asText()).isEqualTo(PD_KEY);
    assertThat(pagerDuty.path("dedup_key").asText()).isEqualTo("nines-incident-" + id);
    assertThat(byPath.get("/genie/v2/alerts").header("Authorization"))
        .isEqualTo("GenieKey " + OPSGENIE_KEY);
    Request hook = byPath.get(WEBHOOK_PATH);
    String timestamp = hook.header("X-Nines-Timestamp");
    assertThat(timestamp).isEqualTo(Long.toString(MONDAY.getEpochSecond()));
    assertThat(hook.header("X-Nines-Signature"))
        .isEqualTo(WebhookChannel.signature(SIGNING_SECRET, timestamp, hook.body()));
    assertThat(byPath.get(SLACK_PATH).body()).contains("\"blocks\"");
    assertThat(harness.incidents.timelineOf(id))
        .filteredOn(e -> e.startsWith("NOTIFIED"))
        .hasSize(6);
  }

  @Test
  void a_key_rotated_before_delivery_is_sent_as_the_spec_in_force_says() throws Exception {
    harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.notifier.tail(100);
    harness.notifier.flush(100);
    harness.reload(spec("pdRoutingKeyRotated9", true));
    harness.settle();
    Request pagerDuty =
        receiver.requests().stream().filter(r -> r.path().equals("/pd/enqueue")).findFirst().get();
    assertThat(new ObjectMapper().readTree(pagerDuty.body()).path("routing_key").asText())
        .isEqualTo("pdRoutingKeyRotated9");
  }

  @Test
  void a_channel_removed_before_delivery_gives_up_on_the_timeline() throws Exception {
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    harness.notifier.tail(100);
    harness.notifier.flush(100);
    harness.reload(spec(PD_KEY, false));
    harness.settle();

    assertThat(receiver.requests()).extracting(Request::path).doesNotContain(WEBHOOK_PATH);
    OutboxEntry hook =
        harness.notifications().outbox(true, 10).stream()
            .filter(entry -> entry.channel().equals("hook"))
            .findFirst()
            .orElseThrow();
    assertThat(hook.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(harness.incidents.timelineOf(id))
        .contains(
            "NOTIFICATION_FAILED: trigger to hook given up after 1 attempt(s): channel hook is no"
                + " longer in the spec (renamed or removed)");
  }

  @Test
  void a_row_stored_with_its_secrets_by_an_older_version_is_still_delivered() throws Exception {
    long id = harness.incidents.open("orders", Severity.SEV1, "data-eng", MONDAY);
    OutboundMessage legacy =
        new OutboundMessage(
            "gone-since",
            Transport.HTTP_POST,
            receiver.url("/legacy/oldSecretPath"),
            Map.of("Content-Type", "application/json"),
            null,
            "{\"routing_key\":\"oldKey\"}",
            null);
    harness
        .notifications()
        .inTransaction(
            tx ->
                tx.enqueue(
                    OutboxEntry.queued(
                        "legacy-1", List.of(id), AlertAction.TRIGGER, legacy, MONDAY)));
    harness.worker(Duration.ofSeconds(60)).deliverDue(10);
    assertThat(receiver.requests())
        .extracting(Request::path, Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/legacy/oldSecretPath", "{\"routing_key\":\"oldKey\"}"));
  }

  private List<String> outboxCells() throws Exception {
    List<String> cells = new ArrayList<>();
    try (Connection connection = harness.store.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM notify_outbox")) {
      ResultSetMetaData columns = rows.getMetaData();
      while (rows.next()) {
        for (int column = 1; column <= columns.getColumnCount(); column++) {
          String value = rows.getString(column);
          if (value != null) {
            cells.add(value);
          }
        }
      }
    }
    return cells;
  }
}
