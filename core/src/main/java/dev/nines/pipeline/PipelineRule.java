package dev.nines.pipeline;

import dev.nines.observation.Kind;
import java.util.Locale;

/** The rules a pipeline's runs are judged by; each is one check of the pipeline. */
public enum PipelineRule {
  /** No run started by the scheduled time plus grace. */
  MISSED(Kind.SYSTEM),
  /** A run failed or was aborted. */
  FAILED(Kind.SYSTEM),
  /** A run went on longer than max_duration. */
  TIMEOUT(Kind.SYSTEM),
  /** A scheduled slot's run completed after its deadline, or not at all by then. */
  LATE(Kind.SYSTEM),
  /** A run still going that, at its typical pace, will not complete by its deadline. */
  AT_RISK(Kind.SYSTEM),
  /** A run wrote no rows, fewer than min_rows, or unusually few. */
  ROWS(Kind.DATA);

  private final Kind kind;

  PipelineRule(Kind kind) {
    this.kind = kind;
  }

  /** Whether the rule speaks of the data or of the pipeline around it. */
  public Kind kind() {
    return kind;
  }

  /** The check name of its observations, e.g. {@code at_risk}. */
  public String checkName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The check type of its observations, e.g. {@code pipeline_missed}. */
  public String checkType() {
    return "pipeline_" + checkName();
  }

  /** Whether it judges a scheduled slot (by its time) rather than one run (by its id). */
  public boolean judgesSlots() {
    return this == MISSED || this == LATE;
  }
}
