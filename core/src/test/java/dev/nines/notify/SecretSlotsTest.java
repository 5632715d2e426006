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
    return rendered(channel, "12 rows share an order_id");
  }

  private static OutboundMessage rendered(ChannelConfig channel, String failure) {
    ChannelType type = ChannelTypes.standard().get(channel.type());
    SecretSlots.Masking masking = SecretSlots.masking(channel, type);
    Alert alert =
        new Alert(
            AlertAction.TRIGGER,
            Incidents.dataset(12, "orders", Severity.SEV1),
            "https://nines.test/api/v1/incidents/12",
            List.of(failure),
            null,
            List.of(),
            Incidents.DETECTED);
    return masking.sealed(type.render(masking.channel(), alert));
  }

  private static String slot(OutboundMessage stored, String kind, String name) {
    return "{{nines-"
        + kind
        + ":"
        + stored.headers().get(SecretSlots.NONCE_HEADER)
        + ":"
        + name
        + "}}";
  }

  @Test
  void a_key_in_a_json_body_is_escaped_when_it_is_put_back() {
    ChannelConfig pagerDuty = channel("pagerduty", Map.of("routing_key", "a\"b\\c"));
    OutboundMessage stored = rendered(pagerDuty);
    assertThat(stored.headers().get(SecretSlots.NONCE_HEADER)).matches("[0-9a-f]{32}");
    assertThat(stored.body())
        .doesNotContain("a\"b")
        .contains("\"routing_key\":\"" + slot(stored, "secret", "pagerduty.routing_key") + "\"");

    OutboundMessage sent = SecretSlots.resolve(stored, Optional.of(pagerDuty)).message();
    assertThat(sent.body()).contains("\"routing_key\":\"a\\\"b\\\\c\"");
    assertThat(sent.headers()).doesNotContainKey(SecretSlots.NONCE_HEADER);
  }

  @Test
  void a_base_url_with_a_trailing_slash_is_joined_to_its_path_once() {
    ChannelConfig alertmanager = channel("alertmanager", Map.of("url", "http://am.test:9093/"));
    OutboundMessage stored = rendered(alertmanager);
    assertThat(stored.target())
        .isEqualTo(slot(stored, "secret", "alertmanager.url") + "/api/v2/alerts");
    assertThat(SecretSlots.resolve(stored, Optional.of(alertmanager)).message().target())
        .isEqualTo("http://am.test:9093/api/v2/alerts");
  }

  @Test
  void a_signature_is_computed_over_the_body_sent_with_the_live_secret() {
    ChannelConfig hook = channel("webhook", Map.of("url", "https://hooks.test/x", "secret", "s1"));
    OutboundMessage stored = rendered(hook);
    assertThat(stored.headers().get("X-Nines-Signature"))
        .isEqualTo(slot(stored, "signature", "webhook.secret"));
    ChannelConfig rotated =
        channel("webhook", Map.of("url", "https://hooks.test/y", "secret", "s2"));
    OutboundMessage sent = SecretSlots.resolve(stored, Optional.of(rotated)).message();
    assertThat(sent.target()).isEqualTo("https://hooks.test/y");
    String timestamp = sent.headers().get("X-Nines-Timestamp");
    assertThat(sent.headers().get("X-Nines-Signature"))
        .isEqualTo(WebhookChannel.signature("s2", timestamp, sent.body()));
  }

  @Test
  void text_from_the_data_that_looks_like_a_placeholder_is_never_filled_in() {
    ChannelConfig slack = channel("slack", Map.of("webhook", "https://hooks.test/s3cret"));
    String forged = "{{nines-secret:" + "0".repeat(32) + ":slack.webhook}}";
    OutboundMessage stored = rendered(slack, "bad value " + forged);
    OutboundMessage sent = SecretSlots.resolve(stored, Optional.of(slack)).message();
    assertThat(sent.target()).isEqualTo("https://hooks.test/s3cret");
    assertThat(sent.body()).contains(forged).doesNotContain("s3cret");
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
  void an_email_keeps_no_nonce_and_a_message_without_one_is_sent_as_stored() {
    OutboundMessage email =
        rendered(
            channel(
                "email",
                Map.of("to", "a@b.test", "from", "n@b.test", "host", "smtp", "password", "pw")));
    assertThat(email.headers()).isEmpty();
    OutboundMessage legacy =
        new OutboundMessage(
            "gone", Transport.HTTP_POST, "https://hooks.test/old", JSON, null, "{}", null);
    assertThat(SecretSlots.hasPlaceholders(legacy)).isFalse();
    assertThat(SecretSlots.resolve(legacy, Optional.empty()).message()).isSameAs(legacy);
  }
}
