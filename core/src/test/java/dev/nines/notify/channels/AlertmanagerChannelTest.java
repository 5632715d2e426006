package dev.nines.notify.channels;

import static dev.nines.notify.channels.SampleAlerts.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerChannelTest {
  private final AlertmanagerChannel alertmanager = new AlertmanagerChannel();
  private final ChannelConfig channel =
      SampleAlerts.channel("alertmanager", Map.of("url", "http://alertmanager:9093/"));

  @Test
  void trigger_posts_an_array_with_one_firing_alert() {
    OutboundMessage message = alertmanager.render(channel, SampleAlerts.trigger());

    assertThat(message.target()).isEqualTo("http://alertmanager:9093/api/v2/alerts");
    JsonNode body = json(message.body());
    assertThat(body.isArray()).isTrue();
    assertThat(body).hasSize(1);
    JsonNode alert = body.get(0);
    List<String> labels = new ArrayList<>();
    alert.get("labels").fieldNames().forEachRemaining(labels::add);
    assertThat(labels)
        .containsExactlyInAnyOrder("alertname", "severity", "subject", "kind", "incident", "dedup");
    assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("freshness");
    assertThat(alert.get("labels").get("severity").asText()).isEqualTo("SEV1");
    assertThat(alert.get("labels").get("incident").asText()).isEqualTo("12");
    assertThat(alert.get("labels").get("dedup").asText()).isEqualTo("nines-incident-12");
    JsonNode annotations = alert.get("annotations");
    assertThat(annotations.get("summary").asText())
        .isEqualTo("[SEV1] orders: freshness FAIL (incident #12)");
    assertThat(annotations.get("description").asText())
        .contains(SampleAlerts.FAILURE, "DATA failure", "finance", SampleAlerts.REMEDIATION);
    assertThat(annotations.get("runbook_url").asText()).isEqualTo(SampleAlerts.RUNBOOK);
    assertThat(alert.get("startsAt").asText()).isEqualTo("2026-11-26T02:00:00Z");
    assertThat(alert.has("endsAt")).isFalse();
    assertThat(alert.get("generatorURL").asText()).isEqualTo(SampleAlerts.LINK);
  }

  @Test
  void resolve_sets_ends_at_to_the_resolution_time_with_the_same_labels() {
    JsonNode firing = json(alertmanager.render(channel, SampleAlerts.trigger()).body()).get(0);
    JsonNode resolved = json(alertmanager.render(channel, SampleAlerts.resolve()).body()).get(0);

    assertThat(resolved.get("endsAt").asText()).isEqualTo("2026-11-26T06:00:00Z");
    assertThat(resolved.get("labels")).isEqualTo(firing.get("labels"));
  }

  @Test
  void re_rendering_a_firing_alert_gives_the_same_message() {
    assertThat(alertmanager.render(channel, SampleAlerts.trigger()))
        .isEqualTo(alertmanager.render(channel, SampleAlerts.trigger()));
  }

  @Test
  void a_group_is_one_request_per_incident() {
    assertThat(alertmanager.renderGroup(channel, SampleAlerts.burst(3), SampleAlerts.NOW))
        .hasSize(3);
  }
}
