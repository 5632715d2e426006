package dev.nines.incident;

/** What kind of thing an incident is about. */
public enum SubjectKind {
  DATASET,
  PIPELINE
}
