package dev.nines.notify.channels;

import static dev.nines.notify.channels.SampleAlerts.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsChannelTest {
  private static final String WEBHOOK =
      "https://prod-00.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SECRET";
  private final TeamsChannel teams = new TeamsChannel();
  private final ChannelConfig channel = SampleAlerts.channel("teams", Map.of("webhook", WEBHOOK));

  @Test
  void trigger_is_a_message_with_one_adaptive_card() {
    OutboundMessage message = teams.render(channel, SampleAlerts.trigger());

    assertThat(message.target()).isEqualTo(WEBHOOK);
    JsonNode body = json(message.body());
    assertThat(body.get("type").asText()).isEqualTo("message");
    assertThat(body.get("attachments")).hasSize(1);
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.get("content");
    assertThat(card.get("$schema").asText())
        .isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("version").asText()).isIn("1.4", "1.5");
    assertThat(card.get("body").get(0).get("type").asText()).isEqualTo("TextBlock");
    assertThat(card.get("body").get(0).get("text").asText())
        .isEqualTo("[SEV1] orders: freshness FAIL (incident #12)");
    Map<String, String> facts = facts(card);
    assertThat(facts)
        .containsEntry("Subject", "dataset orders")
        .containsEntry("Owner", "data-eng")
        .containsEntry("Runbook", SampleAlerts.RUNBOOK)
        .containsEntry("Remediation", SampleAlerts.REMEDIATION);
    assertThat(facts.get("Kind")).startsWith("DATA failure");
    assertThat(facts.get("Since")).startsWith("2026-11-26 02:00 UTC");
    assertThat(facts.get("Affected")).contains("finance", "dataset orders_daily");
    JsonNode action = card.get("actions").get(0);
    assertThat(action.get("type").asText()).isEqualTo("Action.OpenUrl");
    assertThat(action.get("url").asText()).isEqualTo(SampleAlerts.LINK);
  }

  @Test
  void resolve_card_says_resolved_in_good_colour() {
    JsonNode card =
        json(teams.render(channel, SampleAlerts.resolve()).body())
            .get("attachments")
            .get(0)
            .get("content");

    assertThat(card.get("body").get(0).get("color").asText()).isEqualTo("Good");
    assertThat(card.get("body").get(1).get("text").asText()).isEqualTo("resolved (FIXED) after 4h");
  }

  @Test
  void a_group_is_one_card_linking_every_incident() {
    List<OutboundMessage> messages =
        teams.renderGroup(channel, SampleAlerts.burst(3), SampleAlerts.NOW);

    assertThat(messages).hasSize(1);
    JsonNode card = json(messages.get(0).body()).get("attachments").get(0).get("content");
    assertThat(card.get("body").get(0).get("text").asText())
        .isEqualTo("Nines: 3 incidents — 2 failing, 1 resolved");
    assertThat(SampleAlerts.allText(card.get("body")))
        .contains("(https://nines.example.com/api/v1/incidents/1)")
        .contains("(https://nines.example.com/api/v1/incidents/2)")
        .contains("(https://nines.example.com/api/v1/incidents/3)");
  }

  private static Map<String, String> facts(JsonNode card) {
    Map<String, String> facts = new HashMap<>();
    for (JsonNode element : card.get("body")) {
      if (element.get("type").asText().equals("FactSet")) {
        element
            .get("facts")
            .forEach(fact -> facts.put(fact.get("title").asText(), fact.get("value").asText()));
      }
    }
    return facts;
  }
}
