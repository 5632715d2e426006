package dev.nines.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Times to detect, acknowledge and resolve, aggregated per group of incidents, and the data
 * downtime DDT = Σ (TTD + TTR). An incident not yet resolved counts its time so far as TTR in DDT
 * (it is still down) but not in the TTR mean and median.
 */
public final class IncidentStats {
  /** What incidents are grouped by. */
  public enum GroupBy {
    ALL,
    DATASET,
    PIPELINE,
    OWNER,
    CONSUMER;

    /** The groups one incident counts in: a dataset incident and every dataset it impacted. */
    public List<String> groupsOf(Incident incident) {
      return switch (this) {
        case ALL -> List.of("all");
        case DATASET -> {
          List<String> datasets = new ArrayList<>();
          if (incident.subject().kind() == SubjectKind.DATASET) {
            datasets.add(incident.subject().name());
          }
          incident.impact().stream()
              .filter(s -> s.kind() == SubjectKind.DATASET && !datasets.contains(s.name()))
              .forEach(s -> datasets.add(s.name()));
          yield datasets;
        }
        case PIPELINE ->
            incident.subject().kind() == SubjectKind.PIPELINE
                ? List.of(incident.subject().name())
                : List.of();
        case OWNER -> List.of(incident.owner() == null ? "(no owner)" : incident.owner());
        case CONSUMER -> incident.consumers();
      };
    }

    public static GroupBy parse(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** One group's figures; a mean or median is null when no incident of the group has the time. */
  public record Row(
      String group,
      int count,
      int resolved,
      Duration meanTimeToDetect,
      Duration medianTimeToDetect,
      Duration meanTimeToAcknowledge,
      Duration medianTimeToAcknowledge,
      Duration meanTimeToResolve,
      Duration medianTimeToResolve,
      Duration dataDowntime) {
    public Row {
      Objects.requireNonNull(group, "group");
    }
  }

  private IncidentStats() {}

  /** Rows by group, largest downtime first. */
  public static List<Row> of(Collection<Incident> incidents, GroupBy by, Instant now) {
    Map<String, List<Incident>> groups = new LinkedHashMap<>();
    for (Incident incident : incidents) {
      for (String group : by.groupsOf(incident)) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(incident);
      }
    }
    List<Row> rows = new ArrayList<>();
    groups.forEach((group, members) -> rows.add(row(group, members, now)));
    rows.sort((a, b) -> b.dataDowntime().compareTo(a.dataDowntime()));
    return rows;
  }

  private static Row row(String group, List<Incident> incidents, Instant now) {
    List<Duration> detect = incidents.stream().map(Incident::timeToDetect).toList();
    List<Duration> acknowledge =
        incidents.stream().flatMap(i -> i.timeToAcknowledge().stream()).toList();
    List<Duration> resolve = incidents.stream().flatMap(i -> i.timeToResolve().stream()).toList();
    Duration downtime = Duration.ZERO;
    for (Incident incident : incidents) {
      Duration toResolve =
          incident
              .timeToResolve()
              .orElseGet(() -> positive(Duration.between(incident.detectedAt(), now)));
      downtime = downtime.plus(incident.timeToDetect()).plus(toResolve);
    }
    return new Row(
        group,
        incidents.size(),
        resolve.size(),
        mean(detect),
        median(detect),
        mean(acknowledge),
        median(acknowledge),
        mean(resolve),
        median(resolve),
        downtime);
  }

  /** The mean of {@code durations}, null when there are none. */
  public static Duration mean(List<Duration> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    Duration total = durations.stream().reduce(Duration.ZERO, Duration::plus);
    return total.dividedBy(durations.size());
  }

  private static Duration median(List<Duration> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
