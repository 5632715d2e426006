package dev.nines.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import dev.nines.incident.SubjectKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's instruction not to notify about some incidents for a while (a known problem, a planned
 * change). Silenced alerts are recorded on the incident, not sent.
 *
 * @param id the store's id (0 before it is stored)
 * @param match which incidents it silences
 * @param startsAt when it starts
 * @param endsAt when it ends; after {@code startsAt}
 * @param reason why, for the timeline and for the next person on call
 * @param author who set it
 * @param createdAt when it was set
 */
public record Silence(
    long id,
    Match match,
    Instant startsAt,
    Instant endsAt,
    String reason,
    String author,
    Instant createdAt) {
  public Silence {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a silence must end after it starts");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a silence needs a reason");
    }
    author = author == null || author.isBlank() ? "unknown" : author;
  }

  /** Whether it is in force at {@code at}. */
  public boolean isActive(Instant at) {
    return !at.isBefore(startsAt) && at.isBefore(endsAt);
  }

  /** Whether it silences this incident at {@code at}. */
  public boolean silences(Incident incident, Instant at) {
    return isActive(at) && match.matches(incident);
  }

  /**
   * Which incidents a silence covers; every value set must match, at least one is set.
   *
   * @param dataset the incident's subject is this dataset
   * @param pipeline the incident's subject is this pipeline
   * @param source the incident's subject is this source
   * @param severity the incident has this severity
   * @param owner the incident has this owner
   */
  public record Match(
      String dataset, String pipeline, String source, Severity severity, String owner) {
    public Match {
      dataset = blankToNull(dataset);
      pipeline = blankToNull(pipeline);
      source = blankToNull(source);
      owner = blankToNull(owner);
      if (dataset == null
          && pipeline == null
          && source == null
          && severity == null
          && owner == null) {
        throw new IllegalArgumentException(
            "a silence must name a dataset, pipeline, source, severity or owner");
      }
    }

    public static Match dataset(String name) {
      return new Match(name, null, null, null, null);
    }

    boolean matches(Incident incident) {
      return subjectIs(incident, SubjectKind.DATASET, dataset)
          && subjectIs(incident, SubjectKind.PIPELINE, pipeline)
          && subjectIs(incident, SubjectKind.SOURCE, source)
          && (severity == null || severity == incident.severity())
          && (owner == null || owner.equals(incident.owner()));
    }

    /** Human form, e.g. {@code dataset=orders severity=SEV3}. */
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      append(text, "dataset", dataset);
      append(text, "pipeline", pipeline);
      append(text, "source", source);
      append(text, "severity", severity == null ? null : severity.name());
      append(text, "owner", owner);
      return text.toString();
    }

    private static void append(StringBuilder text, String key, String value) {
      if (value != null) {
        text.append(text.isEmpty() ? "" : " ").append(key).append('=').append(value);
      }
    }

    private static boolean subjectIs(Incident incident, SubjectKind kind, String name) {
      return name == null
          || (incident.subject().kind() == kind && incident.subject().name().equals(name));
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }
}
