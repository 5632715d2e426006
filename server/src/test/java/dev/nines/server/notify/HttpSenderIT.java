package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelTypes;
import dev.nines.notify.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpSenderIT {
  private static final String SLACK_PATH = "/services/T0001/B0001/Zx9SecretTokenAbcdef123";
  private static final String ROUTING_KEY = "pdkey0123456789abcdef0123456789ab";
  private static final String GENIE_KEY = "og-4f1b2c3d-aaaa-bbbb-cccc-1234567890ab";
  private static final String HOOK_SECRET = "hook-secret-value";
  private static final Instant NOW = Instant.parse("2026-11-26T05:10:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChannelTypes types = ChannelTypes.standard();
  private final HttpSender sender =
      new HttpSender(Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC));
  private Receiver receiver;
  private ListAppender<ILoggingEvent> logs;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
    logs = new ListAppender<>();
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stop() {
    receiver.close();
    root().detachAppender(logs);
    // no secret reached a log line, whatever the test did
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(
            line ->
                line.contains(ROUTING_KEY)
                    || line.contains(GENIE_KEY)
                    || line.contains(HOOK_SECRET)
                    || line.contains("Zx9SecretTokenAbcdef123"));
  }

  @Test
  void slack_message_arrives_as_json_with_text_and_blocks() throws Exception {
    ChannelConfig slack = channel("slack", Map.of("webhook", receiver.url(SLACK_PATH)));

    DeliveryResult result = sender.send(render(slack, AlertAction.TRIGGER));

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
    assertThat(result.code()).isEqualTo(200);
    assertThat(result.detail()).isEqualTo("HTTP 200 from 127.0.0.1").doesNotContain(SLACK_PATH);
    Receiver.Request request = receiver.only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(SLACK_PATH);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("User-Agent")).isEqualTo("Nines");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("text").asText()).contains("warehouse: connection ERROR");
    assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
  }

  @Test
  void pagerduty_gets_trigger_and_resolve_with_one_dedup_key() throws Exception {
    ChannelConfig pagerDuty =
        channel(
            "pagerduty",
            Map.of("routing_key", ROUTING_KEY, "api_url", receiver.url("/v2/enqueue")));
    receiver.answer(
        202,
        Map.of("Content-Type", "application/json"),
        "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"nines-incident-7\"}");

    DeliveryResult trigger = sender.send(render(pagerDuty, AlertAction.TRIGGER));
    DeliveryResult resolve = sender.send(render(pagerDuty, AlertAction.RESOLVE));

    assertThat(List.of(trigger.code(), resolve.code())).containsExactly(202, 202);
    assertThat(trigger.isDelivered()).isTrue();
    JsonNode first = JSON.readTree(receiver.requests().get(0).body());
    JsonNode second = JSON.readTree(receiver.requests().get(1).body());
    assertThat(receiver.requests().get(0).path()).isEqualTo("/v2/enqueue");
    assertThat(first.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(first.get("event_action").asText()).isEqualTo("trigger");
    assertThat(first.get("payload").get("summary").asText()).isNotBlank();
    assertThat(first.get("payload").get("source").asText()).isEqualTo("source warehouse");
    assertThat(first.get("payload").get("severity").asText()).isEqualTo("critical");
    assertThat(second.get("event_action").asText()).isEqualTo("resolve");
    assertThat(second.get("dedup_key")).isEqualTo(first.get("dedup_key"));
    assertThat(second.has("payload")).isFalse();
  }

  @Test
  void opsgenie_creates_with_genie_key_and_closes_by_alias() throws Exception {
    ChannelConfig opsgenie =
        channel("opsgenie", Map.of("api_key", GENIE_KEY, "api_url", receiver.url("")));
    receiver.answer(202, Map.of(), "{\"result\":\"Request will be processed\"}");

    sender.send(render(opsgenie, AlertAction.TRIGGER));
    sender.send(render(opsgenie, AlertAction.RESOLVE));

    Receiver.Request create = receiver.requests().get(0);
    Receiver.Request close = receiver.requests().get(1);
    assertThat(create.path()).isEqualTo("/v2/alerts");
    assertThat(create.header("Authorization")).isEqualTo("GenieKey " + GENIE_KEY);
    JsonNode created = JSON.readTree(create.body());
    assertThat(created.get("alias").asText()).isEqualTo("nines-incident-7");
    assertThat(created.get("message").asText().length()).isLessThanOrEqualTo(130);
    assertThat(created.get("priority").asText()).isEqualTo("P1");
    assertThat(close.path()).isEqualTo("/v2/alerts/nines-incident-7/close");
    assertThat(close.query()).isEqualTo("identifierType=alias");
    assertThat(close.header("Authorization")).isEqualTo("GenieKey " + GENIE_KEY);
  }

  @Test
  void teams_gets_an_adaptive_card_attachment() throws Exception {
    ChannelConfig teams = channel("teams", Map.of("webhook", receiver.url("/workflows/abc")));

    DeliveryResult result = sender.send(render(teams, AlertAction.TRIGGER));

    assertThat(result.isDelivered()).isTrue();
    JsonNode body = JSON.readTree(receiver.only().body());
    assertThat(body.get("type").asText()).isEqualTo("message");
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(attachment.get("content").get("type").asText()).isEqualTo("AdaptiveCard");
  }

  @Test
  void webhook_receiver_can_verify_the_signature_with_the_shared_secret() throws Exception {
    ChannelConfig webhook =
        channel("webhook", Map.of("url", receiver.url("/hooks/nines"), "secret", HOOK_SECRET));

    sender.send(render(webhook, AlertAction.TRIGGER));

    Receiver.Request request = receiver.only();
    String timestamp = request.header("X-Nines-Timestamp");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(
                        (timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("X-Nines-Signature")).isEqualTo(expected);
    assertThat(request.header("X-Nines-Delivery")).hasSize(32);
    assertThat(JSON.readTree(request.body()).get("alert").get("incident").get("id").asLong())
        .isEqualTo(7);
  }

  @Test
  void alertmanager_gets_an_array_and_ends_at_on_resolve() throws Exception {
    ChannelConfig alertmanager = channel("alertmanager", Map.of("url", receiver.url("/")));

    sender.send(render(alertmanager, AlertAction.TRIGGER));
    sender.send(render(alertmanager, AlertAction.RESOLVE));

    assertThat(receiver.requests())
        .extracting(Receiver.Request::path)
        .containsOnly("/api/v2/alerts");
    JsonNode firing = JSON.readTree(receiver.requests().get(0).body());
    JsonNode resolved = JSON.readTree(receiver.requests().get(1).body());
    assertThat(firing.isArray()).isTrue();
    assertThat(firing.get(0).get("labels").get("alertname").asText()).isEqualTo("connection");
    assertThat(firing.get(0).has("endsAt")).isFalse();
    assertThat(resolved.get(0).get("endsAt").asText()).isEqualTo("2026-11-26T05:10:00Z");
  }

  @Test
  void a_server_error_is_worth_a_retry() {
    receiver.answer(500);

    DeliveryResult result = sender.send(slackMessage());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
    assertThat(result.code()).isEqualTo(500);
    assertThat(result.retryAfter()).isNull();
  }

  @Test
  void too_many_requests_waits_as_long_as_the_receiver_says() {
    receiver.answer(429, Map.of("Retry-After", "7"), "rate limited");

    DeliveryResult result = sender.send(slackMessage());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
    assertThat(result.code()).isEqualTo(429);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(result.detail()).isEqualTo("HTTP 429 from 127.0.0.1, retry after 7s");
  }

  @Test
  void retry_after_may_be_an_http_date() {
    String inNinetySeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC));
    receiver.answer(503, Map.of("Retry-After", inNinetySeconds), "");

    DeliveryResult result = sender.send(slackMessage());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void request_timeout_408_is_a_retry() {
    receiver.answer(408);

    assertThat(sender.send(slackMessage()).outcome()).isEqualTo(DeliveryOutcome.RETRY);
  }

  @Test
  void a_bad_request_is_rejected_and_the_detail_holds_no_secret() {
    ChannelConfig pagerDuty =
        channel(
            "pagerduty",
            Map.of("routing_key", ROUTING_KEY, "api_url", receiver.url("/v2/enqueue")));
    // a receiver that echoes what it got must not leak it into the detail
    receiver.answer(
        400,
        Map.of(),
        "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"Invalid"
            + " routing key "
            + ROUTING_KEY
            + "\"]}");

    DeliveryResult result = sender.send(render(pagerDuty, AlertAction.TRIGGER));

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
    assertThat(result.code()).isEqualTo(400);
    assertThat(result.detail())
        .startsWith("HTTP 400 from 127.0.0.1: ")
        .contains("Event object is invalid")
        .doesNotContain(ROUTING_KEY);
  }

  @Test
  void an_echoed_webhook_path_or_genie_key_is_scrubbed() {
    ChannelConfig opsgenie =
        channel("opsgenie", Map.of("api_key", GENIE_KEY, "api_url", receiver.url("")));
    receiver.answer(401, Map.of(), "Key " + GENIE_KEY + " is not valid");
    DeliveryResult keyEchoed = sender.send(render(opsgenie, AlertAction.TRIGGER));
    receiver.answer(404, Map.of(), "no such hook: " + SLACK_PATH);
    DeliveryResult pathEchoed = sender.send(slackMessage());

    assertThat(keyEchoed.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
    assertThat(keyEchoed.detail()).doesNotContain(GENIE_KEY).contains("is not valid");
    assertThat(pathEchoed.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
    assertThat(pathEchoed.detail())
        .doesNotContain("Zx9SecretTokenAbcdef123")
        .contains("no such hook");
  }

  @Test
  void a_hung_receiver_is_a_retry_that_says_it_timed_out() {
    receiver.hang();

    long start = System.nanoTime();
    DeliveryResult result = sender.send(slackMessage());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
    assertThat(result.code()).isNull();
    assertThat(result.detail()).isEqualTo("timed out after 1s waiting for 127.0.0.1");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void a_refused_connection_is_a_retry() {
    String closed = receiver.url(SLACK_PATH);
    receiver.close();

    DeliveryResult result =
        sender.send(render(channel("slack", Map.of("webhook", closed)), AlertAction.TRIGGER));

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
    assertThat(result.detail()).isEqualTo("connection refused by 127.0.0.1");
  }

  @Test
  void an_invalid_url_is_rejected_without_showing_it() {
    ChannelConfig broken = channel("slack", Map.of("webhook", "hooks.slack.com/services/SECRET"));

    DeliveryResult result = sender.send(render(broken, AlertAction.TRIGGER));

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
    assertThat(result.detail())
        .isEqualTo("channel team-slack has an invalid url or header")
        .doesNotContain("SECRET");
  }

  private OutboundMessage slackMessage() {
    return render(
        channel("slack", Map.of("webhook", receiver.url(SLACK_PATH))), AlertAction.TRIGGER);
  }

  private OutboundMessage render(ChannelConfig channel, AlertAction action) {
    return types.get(channel.type()).render(channel, Alerts.of(action));
  }

  private static ChannelConfig channel(String type, Map<String, String> options) {
    return new ChannelConfig("team-" + type, type, options);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
