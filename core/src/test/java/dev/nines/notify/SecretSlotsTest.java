package dev.nines.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Severity;
import dev.nines.notify.channels.WebhookChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretSlotsTest {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private static ChannelConfig channel(String type, Map<String, String> options) {
    return new ChannelConfig("oncall", type, options);
  }

  private static OutboundMessage rendered(ChannelConfig channel) {
    ChannelType type = ChannelTypes.standard().get(channel.type());
    return type.render(
        SecretSlots.masked(channel, type),
        new Alert(
            AlertAction.TRIGGER,
            Incidents.dataset(12, "orders", Severity.SEV1),
            "https://nines.test/api/v1/incidents/12",
            List.of("12 rows share an order_id"),
            null,
            List.of(),
            Incidents.DETECTED));
  }

  @Test
  void a_key_in_a_json_body_is_escaped_when_it_is_put_back() {
    ChannelConfig pagerDuty = channel("pagerduty", Map.of("routing_key", "a\"b\\c"));
    OutboundMessage stored = rendered(pagerDuty);
    assertThat(stored.body())
        .doesNotContain("a\"b")
        .contains("{{nines-secret:pagerduty.routing_key}}");

    OutboundMessage sent = SecretSlots.resolve(stored, Optional.of(pagerDuty)).message();
    assertThat(sent.body()).contains("\"routing_key\":\"a\\\"b\\\\c\"");
  }

  @Test
  void a_base_url_with_a_trailing_slash_is_joined_to_its_path_once() {
    ChannelConfig alertmanager = channel("alertmanager", Map.of("url", "http://am.test:9093/"));
    OutboundMessage stored = rendered(alertmanager);
    assertThat(stored.target()).isEqualTo("{{nines-secret:alertmanager.url}}/api/v2/alerts");
    assertThat(SecretSlots.resolve(stored, Optional.of(alertmanager)).message().target())
        .isEqualTo("http://am.test:9093/api/v2/alerts");
  }

  @Test
  void a_signature_is_computed_over_the_body_sent_with_the_live_secret() {
    ChannelConfig hook = channel("webhook", Map.of("url", "https://hooks.test/x", "secret", "s1"));
    OutboundMessage stored = rendered(hook);
    assertThat(stored.headers().get("X-Nines-Signature"))
        .isEqualTo("{{nines-signature:webhook.secret}}");
    ChannelConfig rotated =
        channel("webhook", Map.of("url", "https://hooks.test/y", "secret", "s2"));
    OutboundMessage sent = SecretSlots.resolve(stored, Optional.of(rotated)).message();
    assertThat(sent.target()).isEqualTo("https://hooks.test/y");
    String timestamp = sent.headers().get("X-Nines-Timestamp");
    assertThat(sent.headers().get("X-Nines-Signature"))
        .isEqualTo(WebhookChannel.signature("s2", timestamp, sent.body()));
  }

  @Test
  void a_channel_that_changed_type_or_lost_its_option_cannot_be_sent() {
    OutboundMessage stored = rendered(channel("slack", Map.of("webhook", "https://hooks.test/s")));
    assertThat(
            SecretSlots.resolve(stored, Optional.of(channel("teams", Map.of("webhook", "x"))))
                .problem())
        .isEqualTo("channel oncall is now a teams channel, not slack");
    assertThat(SecretSlots.resolve(stored, Optional.of(channel("slack", Map.of()))).problem())
        .isEqualTo("channel oncall no longer has the option 'webhook'");
    assertThat(SecretSlots.resolve(stored, Optional.empty()).problem())
        .isEqualTo("channel oncall is no longer in the spec (renamed or removed)");
  }

  @Test
  void a_message_without_placeholders_is_sent_as_stored() {
    OutboundMessage legacy =
        new OutboundMessage(
            "gone", Transport.HTTP_POST, "https://hooks.test/old", JSON, null, "{}", null);
    assertThat(SecretSlots.hasPlaceholders(legacy)).isFalse();
    assertThat(SecretSlots.resolve(legacy, Optional.empty()).message()).isSameAs(legacy);
  }
}
