package dev.nines.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.incident.Subject;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.time.Instant;
import java.util.List;

/**
 * Microsoft Teams Workflows webhook (option {@code webhook}, the url of a "post to a channel when a
 * webhook request is received" flow): a JSON POST of {@code {"type": "message", "attachments":
 * [...]}} with one attachment of {@code contentType} {@code
 * application/vnd.microsoft.card.adaptive} whose {@code content} is an Adaptive Card: {@code
 * $schema}, {@code type} {@code AdaptiveCard}, {@code version} 1.4, a {@code body} of {@code
 * TextBlock}s and a {@code FactSet} of {@code title}/{@code value} facts, and {@code actions} with
 * {@code Action.OpenUrl} ({@code title}, {@code url}). TextBlocks render a subset of Markdown,
 * links included.
 */
public final class TeamsChannel implements ChannelType {
  static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
  static final String VERSION = "1.4";
  private static final int MAX_GROUP = 40;

  @Override
  public String name() {
    return "teams";
  }

  @Override
  public List<String> requiredOptions() {
    return List.of("webhook");
  }

  @Override
  public List<String> optionalOptions() {
    return List.of();
  }

  @Override
  public List<String> secretOptions() {
    return List.of("webhook");
  }

  @Override
  public OutboundMessage render(ChannelConfig channel, Alert alert) {
    AlertText text = new AlertText(alert);
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    body.add(
        textBlock(text.headline())
            .put("weight", "Bolder")
            .put("size", "Medium")
            .put("color", color(alert.action())));
    if (!text.outcome().isEmpty()) {
      body.add(textBlock(text.outcome()).put("weight", "Bolder"));
    }
    body.add(textBlock("**What failed:** " + String.join("\n\n", text.failures())));
    ObjectNode factSet = body.addObject().put("type", "FactSet");
    ArrayNode facts = factSet.putArray("facts");
    fact(facts, "Severity", text.severity());
    fact(facts, "Kind", text.kind());
    fact(facts, "Subject", text.subject());
    fact(facts, "Since", text.since());
    fact(facts, "Owner", text.owner());
    fact(facts, "Affected", text.affected());
    fact(facts, "Runbook", text.runbook());
    fact(facts, "Remediation", text.remediation());
    ArrayNode actions = card.putArray("actions");
    openUrl(actions, "Open incident #" + alert.incident().id(), alert.link());
    if (text.runbookIsUrl()) {
      openUrl(actions, "Runbook", alert.runbook());
    }
    return message(channel, card);
  }

  @Override
  public List<OutboundMessage> renderGroup(ChannelConfig channel, List<Alert> alerts, Instant at) {
    if (alerts.isEmpty()) {
      return List.of();
    }
    if (alerts.size() == 1) {
      return List.of(render(channel, alerts.get(0)));
    }
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    body.add(textBlock(Summaries.title(alerts)).put("weight", "Bolder").put("size", "Medium"));
    int shown = 0;
    for (Alert alert : alerts) {
      if (shown == MAX_GROUP) {
        body.add(textBlock("…and " + (alerts.size() - shown) + " more").put("isSubtle", true));
        break;
      }
      AlertText text = new AlertText(alert);
      body.add(
          textBlock("[" + text.headline() + "](" + alert.link() + ")")
              .put("weight", "Bolder")
              .put("color", color(alert.action()))
              .put("separator", true));
      body.add(
          textBlock(
              String.join(" | ", text.failures())
                  + "\n\n"
                  + text.kind()
                  + " · since "
                  + text.since()
                  + "\n\nAffected: "
                  + text.affected()
                  + "\n\nRunbook: "
                  + text.runbook()
                  + " · Remediation: "
                  + text.remediation()));
      shown++;
    }
    return List.of(message(channel, card));
  }

  /** A short card: the incident's headline, the subjects it now also affects, a button. */
  @Override
  public List<OutboundMessage> renderImpact(
      ChannelConfig channel, Alert alert, List<Subject> added) {
    AlertText text = new AlertText(alert);
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    body.add(
        textBlock(text.headline())
            .put("weight", "Bolder")
            .put("size", "Medium")
            .put("color", color(alert.action())));
    body.add(textBlock("**Now also affects** " + AlertText.subjects(added)));
    body.add(textBlock("Affected: " + text.affected()).put("isSubtle", true));
    openUrl(card.putArray("actions"), "Open incident #" + alert.incident().id(), alert.link());
    return List.of(message(channel, card));
  }

  private static OutboundMessage message(ChannelConfig channel, ObjectNode card) {
    ObjectNode message = Json.object().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", CARD_TYPE);
    attachment.putNull("contentUrl");
    attachment.set("content", card);
    return new OutboundMessage(
        channel.name(),
        Transport.HTTP_POST,
        Options.required(channel, "webhook"),
        Json.CONTENT_TYPE,
        null,
        Json.write(message),
        null);
  }

  private static ObjectNode card() {
    return Json.object().put("$schema", SCHEMA).put("type", "AdaptiveCard").put("version", VERSION);
  }

  private static ObjectNode textBlock(String text) {
    return Json.object().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", value);
  }

  private static void openUrl(ArrayNode actions, String title, String url) {
    actions.addObject().put("type", "Action.OpenUrl").put("title", title).put("url", url);
  }

  private static String color(AlertAction action) {
    return switch (action) {
      case TRIGGER -> "Attention";
      case ACKNOWLEDGE -> "Warning";
      case RESOLVE -> "Good";
    };
  }
}
