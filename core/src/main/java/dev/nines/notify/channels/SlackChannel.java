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
 * Slack incoming webhook (option {@code webhook}): a JSON POST with {@code text} (the fallback
 * shown in notifications) and {@code blocks}. Slack facts relied on: a {@code header} block takes
 * {@code plain_text} of at most 150 characters; a {@code section} has mrkdwn {@code text} (at most
 * 3000) or up to 10 {@code fields} (each at most 2000); an {@code actions} block holds {@code
 * button} elements with {@code url}; a message has at most 50 blocks; {@code &}, {@code <} and
 * {@code >} are escaped in text.
 */
public final class SlackChannel implements ChannelType {
  static final int MAX_BLOCKS = 50;
  private static final int MAX_HEADER = 150;
  private static final int MAX_SECTION = 3000;
  private static final int MAX_FIELD = 2000;

  @Override
  public String name() {
    return "slack";
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
    ArrayNode blocks = Json.array();
    blocks.add(header(text.headline()));
    if (!text.outcome().isEmpty()) {
      blocks.add(section("*" + escape(capitalized(text.outcome())) + "*"));
    }
    blocks.add(section("*What failed*\n" + escape(String.join("\n", text.failures()))));
    ObjectNode facts = Json.object().put("type", "section");
    ArrayNode fields = facts.putArray("fields");
    fields.add(field("Severity", text.severity()));
    fields.add(field("Kind", text.kind()));
    fields.add(field("Subject", text.subject()));
    fields.add(field("Since", text.since()));
    fields.add(field("Owner", text.owner()));
    fields.add(field("Affected", text.affected()));
    blocks.add(facts);
    blocks.add(
        section(
            "*Runbook*\n"
                + link(text.runbook(), text.runbookIsUrl())
                + "\n*Remediation*\n"
                + escape(text.remediation())));
    blocks.add(button(alert, "Open incident #" + alert.incident().id()));
    ObjectNode body = Json.object();
    body.put("text", escape(fallback(text)));
    body.set("blocks", blocks);
    return message(channel, body);
  }

  @Override
  public List<OutboundMessage> renderGroup(ChannelConfig channel, List<Alert> alerts, Instant at) {
    if (alerts.isEmpty()) {
      return List.of();
    }
    if (alerts.size() == 1) {
      return List.of(render(channel, alerts.get(0)));
    }
    ArrayNode blocks = Json.array();
    String title = Summaries.title(alerts);
    blocks.add(header(title));
    // header, one section per alert, and a last line when some do not fit
    int room = MAX_BLOCKS - 2;
    int shown = 0;
    for (Alert alert : alerts) {
      if (shown == room) {
        break;
      }
      AlertText text = new AlertText(alert);
      blocks.add(
          section(
              "*<"
                  + alert.link()
                  + "|"
                  + escape(text.headline())
                  + ">*\n"
                  + escape(
                      AlertText.cut(String.join(" | ", text.failures()), 500)
                          + "\n"
                          + text.kind()
                          + " · since "
                          + text.since()
                          + "\nAffected: "
                          + text.affected()
                          + "\nRunbook: "
                          + text.runbook()
                          + " · Remediation: "
                          + text.remediation())));
      shown++;
    }
    if (shown < alerts.size()) {
      blocks.add(section("_and " + (alerts.size() - shown) + " more_"));
    }
    ObjectNode body = Json.object();
    body.put("text", escape(title));
    body.set("blocks", blocks);
    return List.of(message(channel, body));
  }

  /** A short message: the incident's headline, the subjects it now also affects, a button. */
  @Override
  public List<OutboundMessage> renderImpact(
      ChannelConfig channel, Alert alert, List<Subject> added) {
    AlertText text = new AlertText(alert);
    ArrayNode blocks = Json.array();
    blocks.add(
        section(
            "*<"
                + alert.link()
                + "|"
                + escape(text.headline())
                + ">*\nNow also affects "
                + escape(AlertText.subjects(added))
                + "\nAffected: "
                + escape(text.affected())));
    blocks.add(button(alert, "Open incident #" + alert.incident().id()));
    ObjectNode body = Json.object();
    body.put("text", escape(AlertText.cut(text.impactUpdate(added), 3000)));
    body.set("blocks", blocks);
    return List.of(message(channel, body));
  }

  private static OutboundMessage message(ChannelConfig channel, ObjectNode body) {
    return new OutboundMessage(
        channel.name(),
        Transport.HTTP_POST,
        Options.required(channel, "webhook"),
        Json.CONTENT_TYPE,
        null,
        Json.write(body),
        null);
  }

  private static String fallback(AlertText text) {
    String failures = String.join(" | ", text.failures());
    return AlertText.cut(
        text.headline() + " — " + failures + " — " + text.kind() + " — " + text.link(), 3000);
  }

  private static ObjectNode header(String text) {
    ObjectNode block = Json.object().put("type", "header");
    block.putObject("text").put("type", "plain_text").put("text", AlertText.cut(text, MAX_HEADER));
    return block;
  }

  private static ObjectNode section(String mrkdwn) {
    ObjectNode block = Json.object().put("type", "section");
    block.putObject("text").put("type", "mrkdwn").put("text", AlertText.cut(mrkdwn, MAX_SECTION));
    return block;
  }

  private static ObjectNode field(String title, String value) {
    return Json.object()
        .put("type", "mrkdwn")
        .put("text", AlertText.cut("*" + title + "*\n" + escape(value), MAX_FIELD));
  }

  private static ObjectNode button(Alert alert, String label) {
    ObjectNode block = Json.object().put("type", "actions");
    ObjectNode button = block.putArray("elements").addObject().put("type", "button");
    button.putObject("text").put("type", "plain_text").put("text", label);
    button.put("url", alert.link());
    if (alert.action() == AlertAction.TRIGGER) {
      button.put("style", "danger");
    } else if (alert.action() == AlertAction.RESOLVE) {
      button.put("style", "primary");
    }
    return block;
  }

  private static String link(String runbook, boolean isUrl) {
    return isUrl ? "<" + runbook + ">" : escape(runbook);
  }

  /** Slack's three control characters in text. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
