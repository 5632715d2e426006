package dev.nines.notify.channels;

import static dev.nines.notify.channels.SampleAlerts.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {
  private static final String URL = "https://hooks.example.com/nines";
  private static final String SECRET = "s3cret-shared-with-the-receiver";
  private final WebhookChannel webhook = new WebhookChannel();
  private final ChannelConfig signed =
      SampleAlerts.channel("webhook", Map.of("url", URL, "secret", SECRET));

  @Test
  void body_carries_the_documented_alert_fields() {
    OutboundMessage message = webhook.render(signed, SampleAlerts.trigger());

    assertThat(message.target()).isEqualTo(URL);
    JsonNode body = json(message.body());
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("kind").asText()).isEqualTo("alert");
    assertThat(body.get("at").asText()).isEqualTo("2026-11-26T05:10:00Z");
    JsonNode alert = body.get("alert");
    assertThat(alert.get("action").asText()).isEqualTo("trigger");
    assertThat(alert.get("dedup_key").asText()).isEqualTo("nines-incident-12");
    assertThat(alert.get("link").asText()).isEqualTo(SampleAlerts.LINK);
    assertThat(alert.get("failures").get(0).asText()).isEqualTo(SampleAlerts.FAILURE);
    assertThat(alert.get("runbook").asText()).isEqualTo(SampleAlerts.RUNBOOK);
    assertThat(alert.get("remediations").get(0).asText()).isEqualTo(SampleAlerts.REMEDIATION);
    JsonNode incident = alert.get("incident");
    assertThat(incident.get("id").asLong()).isEqualTo(12);
    assertThat(incident.get("subject").get("kind").asText()).isEqualTo("DATASET");
    assertThat(incident.get("subject").get("name").asText()).isEqualTo("orders");
    assertThat(incident.get("kind").asText()).isEqualTo("DATA");
    assertThat(incident.get("severity").asText()).isEqualTo("SEV1");
    assertThat(incident.get("status").asText()).isEqualTo("OPEN");
    assertThat(incident.get("resolution").isNull()).isTrue();
    assertThat(incident.get("consumers").get(0).asText()).isEqualTo("finance");
    assertThat(incident.get("impact").get(1).get("name").asText()).isEqualTo("revenue");
    assertThat(incident.get("started_at").asText()).isEqualTo("2026-11-26T02:00:00Z");
    assertThat(incident.get("detected_at").asText()).isEqualTo("2026-11-26T03:00:00Z");
    assertThat(incident.get("resolved_at").isNull()).isTrue();
    assertThat(incident.get("observation_count").asInt()).isEqualTo(3);
  }

  @Test
  void signature_is_hmac_sha256_of_timestamp_dot_body_with_the_secret() throws Exception {
    OutboundMessage message = webhook.render(signed, SampleAlerts.trigger());

    String timestamp = message.headers().get("X-Nines-Timestamp");
    assertThat(timestamp).isEqualTo(Long.toString(SampleAlerts.NOW.getEpochSecond()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal((timestamp + "." + message.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(message.headers()).containsEntry("X-Nines-Signature", "sha256=" + expected);
    assertThat(message.headers().values()).noneMatch(value -> value.contains(SECRET));
  }

  @Test
  void without_a_secret_there_is_no_signature_but_still_a_delivery_id() {
    ChannelConfig open = SampleAlerts.channel("webhook", Map.of("url", URL));

    OutboundMessage message = webhook.render(open, SampleAlerts.trigger());

    assertThat(message.headers())
        .containsKey("X-Nines-Delivery")
        .doesNotContainKeys("X-Nines-Signature", "X-Nines-Timestamp");
  }

  @Test
  void the_same_alert_renders_the_same_delivery_id_and_another_alert_another() {
    OutboundMessage first = webhook.render(signed, SampleAlerts.trigger());
    OutboundMessage again = webhook.render(signed, SampleAlerts.trigger());
    OutboundMessage resolve = webhook.render(signed, SampleAlerts.resolve());

    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers()).isEqualTo(first.headers());
    assertThat(resolve.headers().get("X-Nines-Delivery"))
        .isNotEqualTo(first.headers().get("X-Nines-Delivery"));
    assertThat(json(first.body()).get("delivery").asText())
        .isEqualTo(first.headers().get("X-Nines-Delivery"));
  }

  @Test
  void a_group_is_one_body_with_every_alert() {
    List<OutboundMessage> messages =
        webhook.renderGroup(signed, SampleAlerts.burst(5), SampleAlerts.NOW);

    assertThat(messages).hasSize(1);
    JsonNode body = json(messages.get(0).body());
    assertThat(body.get("kind").asText()).isEqualTo("group");
    assertThat(body.get("alerts")).hasSize(5);
    assertThat(body.get("alerts").get(1).get("action").asText()).isEqualTo("resolve");
    assertThat(messages.get(0).headers().get("X-Nines-Signature"))
        .isEqualTo(
            WebhookChannel.signature(
                SECRET,
                messages.get(0).headers().get("X-Nines-Timestamp"),
                messages.get(0).body()));
  }
}
