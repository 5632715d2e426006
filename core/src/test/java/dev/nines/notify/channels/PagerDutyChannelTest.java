package dev.nines.notify.channels;

import static dev.nines.notify.channels.SampleAlerts.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.incident.Severity;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.observation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyChannelTest {
  private static final String KEY = "R0UT1NGKEY0123456789abcdef012345";
  private final PagerDutyChannel pagerDuty = new PagerDutyChannel();
  private final ChannelConfig channel =
      SampleAlerts.channel("pagerduty", Map.of("routing_key", KEY));

  @Test
  void trigger_is_an_events_v2_event_with_the_documented_payload() {
    OutboundMessage message = pagerDuty.render(channel, SampleAlerts.trigger());

    assertThat(message.target()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
    JsonNode body = json(message.body());
    assertThat(body.get("routing_key").asText()).isEqualTo(KEY);
    assertThat(body.get("event_action").asText()).isEqualTo("trigger");
    assertThat(body.get("dedup_key").asText()).isEqualTo("nines-incident-12");
    JsonNode payload = body.get("payload");
    assertThat(payload.get("summary").asText())
        .startsWith("[SEV1] orders: freshness FAIL (incident #12)")
        .contains(SampleAlerts.FAILURE);
    assertThat(payload.get("source").asText()).isEqualTo("dataset orders");
    assertThat(payload.get("severity").asText()).isEqualTo("critical");
    assertThat(payload.get("timestamp").asText()).isEqualTo("2026-11-26T03:00:00Z");
    assertThat(payload.get("component").asText()).isEqualTo("orders");
    assertThat(payload.get("group").asText()).isEqualTo("data-eng");
    assertThat(payload.get("class").asText()).isEqualTo("DATA freshness");
    JsonNode details = payload.get("custom_details");
    assertThat(details.get("affected").asText()).contains("finance", "dataset revenue");
    assertThat(details.get("runbook").asText()).isEqualTo(SampleAlerts.RUNBOOK);
    assertThat(details.get("remediation").asText()).isEqualTo(SampleAlerts.REMEDIATION);
    assertThat(details.get("kind").asText()).startsWith("DATA failure");
    assertThat(body.get("links").get(0).get("href").asText()).isEqualTo(SampleAlerts.LINK);
    assertThat(body.get("links").get(1).get("href").asText()).isEqualTo(SampleAlerts.RUNBOOK);
    assertThat(body.get("client").asText()).isEqualTo("Nines");
    assertThat(body.get("client_url").asText()).isEqualTo(SampleAlerts.LINK);
  }

  @ParameterizedTest
  @CsvSource({"SEV1,critical", "SEV2,error", "SEV3,warning", "INFO,info"})
  void severity_maps_to_pagerduty_levels(Severity severity, String expected) {
    Alert alert = SampleAlerts.alert(AlertAction.TRIGGER, severity, Kind.DATA);

    JsonNode body = json(pagerDuty.render(channel, alert).body());

    assertThat(body.get("payload").get("severity").asText()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"ACKNOWLEDGE,acknowledge", "RESOLVE,resolve"})
  void acknowledge_and_resolve_carry_only_key_dedup_key_and_action(
      AlertAction action, String expected) {
    JsonNode body =
        json(
            pagerDuty.render(channel, SampleAlerts.alert(action, Severity.SEV1, Kind.DATA)).body());

    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("routing_key", "dedup_key", "event_action");
    assertThat(body.get("event_action").asText()).isEqualTo(expected);
    assertThat(body.get("dedup_key").asText()).isEqualTo("nines-incident-12");
  }

  @Test
  void summary_is_cut_to_1024_characters() {
    Alert alert =
        new Alert(
            AlertAction.TRIGGER,
            SampleAlerts.trigger().incident(),
            SampleAlerts.LINK,
            List.of("x".repeat(5000)),
            null,
            List.of(),
            SampleAlerts.NOW);

    JsonNode body = json(pagerDuty.render(channel, alert).body());

    assertThat(body.get("payload").get("summary").asText()).hasSize(1024).endsWith("…");
  }

  @Test
  void api_url_replaces_the_endpoint() {
    ChannelConfig local =
        SampleAlerts.channel(
            "pagerduty", Map.of("routing_key", KEY, "api_url", "http://127.0.0.1:9/v2/enqueue"));

    assertThat(pagerDuty.render(local, SampleAlerts.trigger()).target())
        .isEqualTo("http://127.0.0.1:9/v2/enqueue");
  }

  @Test
  void a_group_is_one_event_per_incident() {
    List<OutboundMessage> messages =
        pagerDuty.renderGroup(channel, SampleAlerts.burst(4), SampleAlerts.NOW);

    assertThat(messages)
        .extracting(message -> json(message.body()).get("dedup_key").asText())
        .containsExactly(
            "nines-incident-1", "nines-incident-2", "nines-incident-3", "nines-incident-4");
  }
}
