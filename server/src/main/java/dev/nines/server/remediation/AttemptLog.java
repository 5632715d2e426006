package dev.nines.server.remediation;

import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.remediation.RemediationOffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How remediation attempts are written on a timeline and read back: the timeline is their only
 * record, so counting attempts needs no table of its own.
 */
final class AttemptLog {
  private static final Pattern STARTED = Pattern.compile("^(\\S+) attempt (\\d+): (.*)$");
  private static final Pattern FINISHED =
      Pattern.compile("^(\\S+) attempt (\\d+) (succeeded|failed): (.*)$", Pattern.DOTALL);

  private AttemptLog() {}

  /** {@code load_orders attempt 2: re-run Airflow DAG orders_dag (load_orders)}. */
  static String started(RemediationOffer offer, int attempt) {
    return offer.name() + " attempt " + attempt + ": " + offer.describe();
  }

  /** {@code load_orders attempt 2 succeeded: Airflow run ... is queued: <url>}. */
  static String finished(String action, int attempt, ActionOutcome outcome) {
    return action + " attempt " + attempt + " " + outcome.timelineText();
  }

  /** Attempts of {@code action} so far, by anyone. */
  static int count(List<TimelineEntry> timeline, String action) {
    return (int) startedOf(timeline, action).count();
  }

  /** Attempts of {@code action} Nines started by itself. */
  static int countAutomatic(List<TimelineEntry> timeline, String action) {
    return (int)
        startedOf(timeline, action).filter(e -> TimelineEntry.NINES.equals(e.actor())).count();
  }

  /** Every attempt on the timeline, oldest first, with its outcome when it finished. */
  static List<RemediationAttempt> attempts(List<TimelineEntry> timeline) {
    Map<String, RemediationAttempt> byKey = new LinkedHashMap<>();
    for (TimelineEntry entry : timeline) {
      if (entry.kind() == TimelineKind.REMEDIATION_STARTED) {
        Matcher started = STARTED.matcher(entry.text());
        if (started.matches()) {
          int attempt = Integer.parseInt(started.group(2));
          byKey.put(
              started.group(1) + "#" + attempt,
              new RemediationAttempt(
                  started.group(1), attempt, entry.actor(), entry.at(), null, null, null));
        }
      } else if (entry.kind() == TimelineKind.REMEDIATION_FINISHED) {
        Matcher finished = FINISHED.matcher(entry.text());
        RemediationAttempt begun =
            finished.matches() ? byKey.get(finished.group(1) + "#" + finished.group(2)) : null;
        if (begun != null) {
          byKey.put(
              begun.action() + "#" + begun.attempt(),
              new RemediationAttempt(
                  begun.action(),
                  begun.attempt(),
                  begun.actor(),
                  begun.startedAt(),
                  entry.at(),
                  finished.group(3).equals("succeeded"),
                  finished.group(4)));
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static java.util.stream.Stream<TimelineEntry> startedOf(
      List<TimelineEntry> timeline, String action) {
    String prefix = action + " attempt ";
    return timeline.stream()
        .filter(e -> e.kind() == TimelineKind.REMEDIATION_STARTED)
        .filter(e -> e.text().startsWith(prefix));
  }
}
