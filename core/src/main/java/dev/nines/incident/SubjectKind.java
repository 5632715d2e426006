package dev.nines.incident;

/** What kind of thing an incident is about. */
public enum SubjectKind {
  /** A table, view, query or file under {@code datasets:}. */
  DATASET,
  /** A job under {@code pipelines:}. */
  PIPELINE,
  /** A database under {@code sources:}: when it is down, every dataset on it is impact. */
  SOURCE,
  /** An objective under {@code slos:}: its error budget burns too fast. */
  SLO
}
