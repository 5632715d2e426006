package dev.nines.notify.channels;

import dev.nines.incident.Incident;
import dev.nines.incident.Subject;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.observation.Kind;
import dev.nines.spec.Values;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words every channel says about an alert, so Slack, Teams, email and the others tell the same
 * story: what failed, since when, who is affected, the runbook and remediation, system or data.
 */
final class AlertText {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Alert alert;
  private final Incident incident;

  AlertText(Alert alert) {
    this.alert = alert;
    this.incident = alert.incident();
  }

  /** {@code [SEV1] orders: freshness FAIL (incident #12)}. */
  String headline() {
    return "["
        + incident.severity()
        + "] "
        + incident.subject().name()
        + ": "
        + what()
        + " "
        + state()
        + " (incident #"
        + incident.id()
        + ")";
  }

  /** The failing check or rule, else the incident's title. */
  String what() {
    return incident.cause() != null && !incident.cause().isBlank()
        ? incident.cause()
        : incident.title();
  }

  /** FAIL or ERROR while firing (ERROR: the system failed), else acknowledged or resolved. */
  String state() {
    return switch (alert.action()) {
      case TRIGGER -> incident.kind() == Kind.SYSTEM ? "ERROR" : "FAIL";
      case ACKNOWLEDGE -> "acknowledged";
      case RESOLVE -> "resolved";
    };
  }

  /** {@code SEV1 (page now, any hour)}. */
  String severity() {
    return incident.severity() + " (" + incident.severity().meaning() + ")";
  }

  /** Says at a glance whether the data is wrong or something around it broke. */
  String kind() {
    return incident.kind() == Kind.SYSTEM
        ? "SYSTEM failure: something around the data broke"
        : "DATA failure: the data is wrong";
  }

  String subject() {
    return incident.subject().toString();
  }

  /** {@code 2026-11-26 02:00 UTC (3h 10m ago)}. */
  String since() {
    Duration lasted = Duration.between(incident.startedAt(), alert.at());
    return WHEN.format(incident.startedAt())
        + (lasted.isNegative() || lasted.isZero() ? "" : " (" + Values.human(lasted) + " ago)");
  }

  String owner() {
    return incident.owner() == null || incident.owner().isBlank() ? "no owner" : incident.owner();
  }

  /** Consumers and their agreements, then the downstream impact. */
  String affected() {
    List<String> parts = new ArrayList<>();
    if (!incident.consumers().isEmpty()) {
      parts.add("consumers: " + String.join(", ", incident.consumers()));
    }
    if (!incident.agreements().isEmpty()) {
      parts.add("agreements: " + String.join("; ", incident.agreements()));
    }
    if (!incident.impact().isEmpty()) {
      parts.add(
          "impact: "
              + incident.impact().stream()
                  .map(Subject::toString)
                  .collect(Collectors.joining(", ")));
    }
    return parts.isEmpty()
        ? "no declared consumer or downstream impact"
        : String.join(" · ", parts);
  }

  /** What failed, one line each; the newest failure message when the alert lists none. */
  List<String> failures() {
    if (!alert.failures().isEmpty()) {
      return alert.failures();
    }
    if (incident.lastMessage() != null && !incident.lastMessage().isBlank()) {
      return List.of(incident.lastMessage());
    }
    return List.of(incident.title());
  }

  String runbook() {
    return alert.runbook() == null || alert.runbook().isBlank() ? "none" : alert.runbook();
  }

  /** Whether the runbook is a link a button or annotation can point to. */
  boolean runbookIsUrl() {
    return alert.runbook() != null
        && (alert.runbook().startsWith("https://") || alert.runbook().startsWith("http://"));
  }

  String remediation() {
    return alert.remediations().isEmpty()
        ? "none offered"
        : String.join("; ", alert.remediations());
  }

  /** What the action means, e.g. {@code resolved (FIXED) after 3h 10m}; empty while firing. */
  String outcome() {
    if (alert.action() == AlertAction.ACKNOWLEDGE) {
      return "acknowledged"
          + (incident.acknowledgedAt() == null
              ? ""
              : " at " + WHEN.format(incident.acknowledgedAt()));
    }
    if (alert.action() == AlertAction.RESOLVE) {
      Instant end = incident.resolvedAt() == null ? alert.at() : incident.resolvedAt();
      String how = incident.resolution() == null ? "" : " (" + incident.resolution() + ")";
      return "resolved"
          + how
          + " after "
          + Values.human(positive(Duration.between(incident.startedAt(), end)));
    }
    return "";
  }

  String link() {
    return alert.link();
  }

  /** The whole story as plain lines, for texts and descriptions. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(headline());
    if (!outcome().isEmpty()) {
      lines.add("Status: " + outcome());
    }
    lines.add("What failed: " + String.join(" | ", failures()));
    lines.add("Kind: " + kind());
    lines.add("Severity: " + severity());
    lines.add("Subject: " + subject());
    lines.add("Since: " + since());
    lines.add("Owner: " + owner());
    lines.add("Affected: " + affected());
    lines.add("Runbook: " + runbook());
    lines.add("Remediation: " + remediation());
    lines.add("Incident: " + link());
    return lines;
  }

  /** {@code dataset orders_daily, dataset revenue}. */
  static String subjects(List<Subject> subjects) {
    return subjects.stream().map(Subject::toString).collect(Collectors.joining(", "));
  }

  /** {@code [SEV1] orders: freshness FAIL (incident #12) now also affects dataset revenue}. */
  String impactUpdate(List<Subject> added) {
    return headline() + " now also affects " + subjects(added);
  }

  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "…";
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
