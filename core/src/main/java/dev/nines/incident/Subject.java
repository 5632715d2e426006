package dev.nines.incident;

import java.util.Objects;

/**
 * What an incident (or an impact of one) is about: a dataset, a pipeline or a source, by its spec
 * name.
 *
 * @param kind dataset or pipeline
 * @param name the name under {@code datasets:} or {@code pipelines:} (or as observed, when the spec
 *     does not declare it)
 */
public record Subject(SubjectKind kind, String name) {
  public Subject {
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a subject needs a name");
    }
  }

  public static Subject dataset(String name) {
    return new Subject(SubjectKind.DATASET, name);
  }

  public static Subject pipeline(String name) {
    return new Subject(SubjectKind.PIPELINE, name);
  }

  public static Subject source(String name) {
    return new Subject(SubjectKind.SOURCE, name);
  }

  public static Subject slo(String name) {
    return new Subject(SubjectKind.SLO, name);
  }

  /** {@code dataset orders} or {@code pipeline load_orders}. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
  }
}
