package dev.nines.notify.channels;

import dev.nines.notify.Alert;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Email over SMTP: options {@code to} (comma-separated), {@code from}, {@code host}, and optionally
 * {@code port} (25), {@code user}, {@code password}, {@code starttls}. The message keeps only the
 * recipients, subject and the two parts (HTML and plain text with the same content); the sender
 * reads the server and login from the channel, so no password lands in the outbox. Subject: {@code
 * [SEV1] orders: freshness FAIL (incident #12)}.
 */
public final class EmailChannel implements ChannelType {
  @Override
  public String name() {
    return "email";
  }

  @Override
  public List<String> requiredOptions() {
    return List.of("to", "from", "host");
  }

  @Override
  public List<String> optionalOptions() {
    return List.of("port", "user", "password", "starttls");
  }

  @Override
  public List<String> secretOptions() {
    return List.of("password");
  }

  @Override
  public OutboundMessage render(ChannelConfig channel, Alert alert) {
    AlertText text = new AlertText(alert);
    StringBuilder html = new StringBuilder(page(text.headline()));
    section(html, text, alert);
    html.append("</body></html>\n");
    String plain = String.join("\n", text.lines()) + "\n";
    return message(channel, text.headline(), html.toString(), plain);
  }

  @Override
  public List<OutboundMessage> renderGroup(ChannelConfig channel, List<Alert> alerts, Instant at) {
    if (alerts.isEmpty()) {
      return List.of();
    }
    if (alerts.size() == 1) {
      return List.of(render(channel, alerts.get(0)));
    }
    String title = Summaries.title(alerts);
    StringBuilder html = new StringBuilder(page(title));
    html.append("<h2>").append(escape(title)).append("</h2>\n");
    StringBuilder plain = new StringBuilder(title).append("\n");
    for (Alert alert : alerts) {
      AlertText text = new AlertText(alert);
      html.append("<hr>\n");
      section(html, text, alert);
      plain.append("\n").append(String.join("\n", text.lines())).append("\n");
    }
    html.append("</body></html>\n");
    return List.of(message(channel, title, html.toString(), plain.toString()));
  }

  private static OutboundMessage message(
      ChannelConfig channel, String subject, String html, String plain) {
    Options.required(channel, "host");
    Options.required(channel, "from");
    String recipients =
        Arrays.stream(Options.required(channel, "to").split(","))
            .map(String::strip)
            .filter(address -> !address.isEmpty())
            .collect(Collectors.joining(", "));
    return new OutboundMessage(
        channel.name(), Transport.SMTP, recipients, Map.of(), subject, html, plain);
  }

  private static String page(String title) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head><body style=\"font-family: sans-serif\">\n";
  }

  private static void section(StringBuilder html, AlertText text, Alert alert) {
    html.append("<h3><a href=\"")
        .append(escape(alert.link()))
        .append("\">")
        .append(escape(text.headline()))
        .append("</a></h3>\n");
    if (!text.outcome().isEmpty()) {
      html.append("<p><strong>").append(escape(text.outcome())).append("</strong></p>\n");
    }
    html.append("<p><strong>What failed:</strong></p>\n<ul>\n");
    for (String failure : text.failures()) {
      html.append("<li>").append(escape(failure)).append("</li>\n");
    }
    html.append("</ul>\n<table>\n");
    row(html, "Kind", escape(text.kind()));
    row(html, "Severity", escape(text.severity()));
    row(html, "Subject", escape(text.subject()));
    row(html, "Since", escape(text.since()));
    row(html, "Owner", escape(text.owner()));
    row(html, "Affected", escape(text.affected()));
    row(
        html,
        "Runbook",
        text.runbookIsUrl()
            ? "<a href=\"" + escape(alert.runbook()) + "\">" + escape(alert.runbook()) + "</a>"
            : escape(text.runbook()));
    row(html, "Remediation", escape(text.remediation()));
    row(
        html,
        "Incident",
        "<a href=\"" + escape(alert.link()) + "\">" + escape(alert.link()) + "</a>");
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String title, String valueHtml) {
    html.append("<tr><th align=\"left\">")
        .append(title)
        .append("</th><td>")
        .append(valueHtml)
        .append("</td></tr>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
