package dev.nines.store;

/** The three kinds of OpenLineage event (spec 2-0-2). */
public enum LineageEventKind {
  RUN,
  DATASET,
  JOB
}
