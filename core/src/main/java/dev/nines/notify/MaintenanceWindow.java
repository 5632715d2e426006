package dev.nines.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.Subject;
import dev.nines.pipeline.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring time when failures of some datasets or pipelines are expected (a weekly vacuum, a
 * migration): their alerts are recorded, not sent.
 *
 * @param datasets the datasets it covers
 * @param pipelines the pipelines it covers
 * @param sources the sources (databases) it covers
 * @param schedule when each window starts
 * @param duration how long each window lasts
 * @param reason why, shown on the incident's timeline
 */
public record MaintenanceWindow(
    List<String> datasets,
    List<String> pipelines,
    List<String> sources,
    CronSchedule schedule,
    Duration duration,
    String reason) {
  public MaintenanceWindow {
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    sources = sources == null ? List.of() : List.copyOf(sources);
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a maintenance window lasts longer than zero");
    }
    reason = reason == null || reason.isBlank() ? "maintenance" : reason;
  }

  /** When the window around {@code at} ends, if {@code at} falls in one. */
  public Optional<Instant> activeUntil(Instant at) {
    Instant start = schedule.previousFire(at);
    Instant end = start.plus(duration);
    return at.isBefore(end) ? Optional.of(end) : Optional.empty();
  }

  /**
   * Whether it covers the incident's subject. Impact does not count: a database going down during
   * one dataset's vacuum still pages.
   */
  public boolean covers(Incident incident) {
    Subject subject = incident.subject();
    return switch (subject.kind()) {
      case DATASET -> datasets.contains(subject.name());
      case PIPELINE -> pipelines.contains(subject.name());
      case SOURCE -> sources.contains(subject.name());
      // a burn started inside a window shows in the SLO's own numbers; it is not silenced here
      case SLO -> false;
    };
  }
}
