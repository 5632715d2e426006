package dev.nines.notify.channels;

import static dev.nines.notify.channels.SampleAlerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.incident.Severity;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import dev.nines.observation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackChannelTest {
  private static final String WEBHOOK = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";
  private final SlackChannel slack = new SlackChannel();
  private final ChannelConfig channel = SampleAlerts.channel("slack", Map.of("webhook", WEBHOOK));

  @Test
  void trigger_posts_fallback_text_and_blocks_to_the_webhook() {
    OutboundMessage message = slack.render(channel, SampleAlerts.trigger());

    assertThat(message.transport()).isEqualTo(Transport.HTTP_POST);
    assertThat(message.target()).isEqualTo(WEBHOOK);
    assertThat(message.headers()).containsEntry("Content-Type", "application/json");
    JsonNode body = json(message.body());
    assertThat(body.get("text").asText())
        .startsWith("[SEV1] orders: freshness FAIL (incident #12)")
        .contains(SampleAlerts.FAILURE);
    JsonNode blocks = body.get("blocks");
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).get("text").get("text").asText())
        .isEqualTo("[SEV1] orders: freshness FAIL (incident #12)");
    JsonNode fields = sectionWithFields(blocks).get("fields");
    List<String> fieldTexts = new ArrayList<>();
    fields.forEach(field -> fieldTexts.add(field.get("text").asText()));
    assertThat(fieldTexts)
        .anyMatch(text -> text.startsWith("*Severity*") && text.contains("SEV1"))
        .anyMatch(text -> text.startsWith("*Kind*") && text.contains("DATA failure"))
        .anyMatch(text -> text.startsWith("*Subject*") && text.contains("dataset orders"))
        .anyMatch(text -> text.startsWith("*Since*") && text.contains("2026-11-26 02:00 UTC"))
        .anyMatch(text -> text.startsWith("*Owner*") && text.contains("data-eng"))
        .anyMatch(text -> text.startsWith("*Affected*") && text.contains("finance"));
    JsonNode button = lastBlock(blocks).get("elements").get(0);
    assertThat(lastBlock(blocks).get("type").asText()).isEqualTo("actions");
    assertThat(button.get("type").asText()).isEqualTo("button");
    assertThat(button.get("url").asText()).isEqualTo(SampleAlerts.LINK);
    assertThat(button.get("style").asText()).isEqualTo("danger");
    assertThat(SampleAlerts.allText(blocks))
        .contains(SampleAlerts.RUNBOOK, SampleAlerts.REMEDIATION, SampleAlerts.FAILURE);
  }

  @Test
  void system_failures_read_as_errors_not_data_failures() {
    OutboundMessage message =
        slack.render(channel, SampleAlerts.alert(AlertAction.TRIGGER, Severity.SEV1, Kind.SYSTEM));

    JsonNode body = json(message.body());
    assertThat(body.get("text").asText()).startsWith("[SEV1] orders: freshness ERROR");
    assertThat(SampleAlerts.allText(body)).contains("SYSTEM failure");
  }

  @Test
  void resolve_says_resolved_and_how_long_it_lasted() {
    JsonNode body = json(slack.render(channel, SampleAlerts.resolve()).body());

    assertThat(body.get("text").asText()).contains("freshness resolved (incident #12)");
    assertThat(SampleAlerts.allText(body)).contains("Resolved (FIXED) after 4h");
    assertThat(lastBlock(body.get("blocks")).get("elements").get(0).get("style").asText())
        .isEqualTo("primary");
  }

  @Test
  void slack_control_characters_are_escaped() {
    Alert alert =
        new Alert(
            AlertAction.TRIGGER,
            SampleAlerts.trigger().incident(),
            SampleAlerts.LINK,
            List.of("amount < 0 & total > 10"),
            null,
            List.of(),
            SampleAlerts.NOW);

    JsonNode body = json(slack.render(channel, alert).body());

    assertThat(body.get("text").asText()).contains("amount &lt; 0 &amp; total &gt; 10");
  }

  @Test
  void a_group_is_one_message_linking_every_incident() {
    List<Alert> alerts = SampleAlerts.burst(3);

    List<OutboundMessage> messages = slack.renderGroup(channel, alerts, SampleAlerts.NOW);

    assertThat(messages).hasSize(1);
    JsonNode body = json(messages.get(0).body());
    assertThat(body.get("text").asText()).isEqualTo("Nines: 3 incidents — 2 failing, 1 resolved");
    String all = SampleAlerts.allText(body.get("blocks"));
    assertThat(all)
        .contains("https://nines.example.com/api/v1/incidents/1|")
        .contains("https://nines.example.com/api/v1/incidents/3|")
        .contains("duplicates found: 2");
  }

  @Test
  void a_burst_of_200_stays_within_slacks_50_blocks() {
    JsonNode body =
        json(slack.renderGroup(channel, SampleAlerts.burst(200), SampleAlerts.NOW).get(0).body());

    assertThat(body.get("blocks").size()).isEqualTo(SlackChannel.MAX_BLOCKS);
    assertThat(lastBlock(body.get("blocks")).get("text").get("text").asText())
        .isEqualTo("_and 152 more_");
  }

  @Test
  void a_channel_without_webhook_is_a_clear_error() {
    ChannelConfig bare = SampleAlerts.channel("slack", Map.of());

    assertThatThrownBy(() -> slack.render(bare, SampleAlerts.trigger()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel 'team-slack' (slack) needs the option 'webhook'");
  }

  private static JsonNode sectionWithFields(JsonNode blocks) {
    for (JsonNode block : blocks) {
      if (block.has("fields")) {
        return block;
      }
    }
    throw new AssertionError("no section with fields");
  }

  private static JsonNode lastBlock(JsonNode blocks) {
    return blocks.get(blocks.size() - 1);
  }
}
