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

class OpsgenieChannelTest {
  private static final String KEY = "eb243592-faa2-4ba2-a551-1afdf565c889";
  private final OpsgenieChannel opsgenie = new OpsgenieChannel();
  private final ChannelConfig channel =
      SampleAlerts.channel("opsgenie", Map.of("api_key", KEY, "tags", "warehouse, finance"));

  @Test
  void trigger_creates_an_alert_with_alias_priority_and_details() {
    OutboundMessage message = opsgenie.render(channel, SampleAlerts.trigger());

    assertThat(message.target()).isEqualTo("https://api.opsgenie.com/v2/alerts");
    assertThat(message.headers())
        .containsEntry("Authorization", "GenieKey " + KEY)
        .containsEntry("Content-Type", "application/json");
    JsonNode body = json(message.body());
    assertThat(body.get("message").asText())
        .isEqualTo("[SEV1] orders: freshness FAIL (incident #12)");
    assertThat(body.get("alias").asText()).isEqualTo("nines-incident-12");
    assertThat(body.get("priority").asText()).isEqualTo("P1");
    assertThat(body.get("description").asText())
        .contains(SampleAlerts.FAILURE, "DATA failure", "finance", SampleAlerts.RUNBOOK);
    List<String> tags = new ArrayList<>();
    body.get("tags").forEach(tag -> tags.add(tag.asText()));
    assertThat(tags)
        .contains(
            "nines", "SEV1", "DATA", "dataset:orders", "owner:data-eng", "warehouse", "finance");
    assertThat(body.get("details").get("link").asText()).isEqualTo(SampleAlerts.LINK);
    body.get("details").forEach(value -> assertThat(value.isTextual()).isTrue());
    assertThat(body.get("entity").asText()).isEqualTo("dataset orders");
    assertThat(body.get("source").asText()).isEqualTo("Nines");
  }

  @Test
  void message_is_cut_to_130_characters() {
    Alert alert = SampleAlerts.trigger();
    Alert longTitle =
        new Alert(
            alert.action(),
            new dev.nines.incident.Incident(
                12,
                "k",
                "t",
                alert.incident().subject(),
                "c".repeat(300),
                Kind.DATA,
                Severity.SEV2,
                null,
                dev.nines.incident.IncidentStatus.OPEN,
                null,
                null,
                null,
                null,
                null,
                null,
                SampleAlerts.DETECTED,
                null,
                null,
                null,
                1,
                null),
            SampleAlerts.LINK,
            List.of(),
            null,
            List.of(),
            SampleAlerts.NOW);

    JsonNode body = json(opsgenie.render(channel, longTitle).body());

    assertThat(body.get("message").asText()).hasSize(130);
  }

  @ParameterizedTest
  @CsvSource({"SEV1,P1", "SEV2,P2", "SEV3,P3", "INFO,P5"})
  void severity_maps_to_priority(Severity severity, String priority) {
    JsonNode body =
        json(
            opsgenie
                .render(channel, SampleAlerts.alert(AlertAction.TRIGGER, severity, Kind.DATA))
                .body());

    assertThat(body.get("priority").asText()).isEqualTo(priority);
  }

  @Test
  void acknowledge_and_resolve_address_the_alert_by_alias() {
    ChannelConfig eu =
        SampleAlerts.channel(
            "opsgenie", Map.of("api_key", KEY, "api_url", "https://api.eu.opsgenie.com/"));

    OutboundMessage ack = opsgenie.render(eu, SampleAlerts.acknowledge());
    OutboundMessage close = opsgenie.render(eu, SampleAlerts.resolve());

    assertThat(ack.target())
        .isEqualTo(
            "https://api.eu.opsgenie.com/v2/alerts/nines-incident-12/acknowledge?identifierType=alias");
    assertThat(close.target())
        .isEqualTo(
            "https://api.eu.opsgenie.com/v2/alerts/nines-incident-12/close?identifierType=alias");
    assertThat(close.headers()).containsEntry("Authorization", "GenieKey " + KEY);
    JsonNode closeBody = json(close.body());
    assertThat(closeBody.get("source").asText()).isEqualTo("Nines");
    assertThat(closeBody.get("note").asText()).contains("resolved (FIXED)", SampleAlerts.LINK);
  }

  @Test
  void a_group_is_one_request_per_incident() {
    assertThat(opsgenie.renderGroup(channel, SampleAlerts.burst(3), SampleAlerts.NOW))
        .extracting(OutboundMessage::target)
        .containsExactly(
            "https://api.opsgenie.com/v2/alerts",
            "https://api.opsgenie.com/v2/alerts/nines-incident-2/close?identifierType=alias",
            "https://api.opsgenie.com/v2/alerts");
  }
}
