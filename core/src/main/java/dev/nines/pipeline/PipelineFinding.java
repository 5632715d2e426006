package dev.nines.pipeline;

import dev.nines.observation.Observation;
import java.time.Instant;
import java.util.Objects;

/**
 * One verdict of a {@link PipelineWatcher}: an observation and what it is about.
 *
 * <p>The same {@link #key()} comes back on every evaluation while the verdict holds, with an equal
 * observation; a store keeps a new observation only when the one under its key changed.
 *
 * @param pipeline the pipeline's name
 * @param rule the rule that judged
 * @param slot the scheduled time judged (slot rules), or the slot of the run when it has one
 * @param runId the run judged (run rules), or the run the slot verdict rests on; may be null
 * @param observation the verdict; its dataset is the pipeline name and its check the rule
 */
public record PipelineFinding(
    String pipeline, PipelineRule rule, Instant slot, String runId, Observation observation) {
  public PipelineFinding {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(observation, "observation");
    if (rule.judgesSlots() ? slot == null : runId == null) {
      throw new IllegalArgumentException(
          rule.checkName() + " judges " + (rule.judgesSlots() ? "a slot" : "a run"));
    }
  }

  /**
   * What is judged: {@code pipeline/rule/slot-time} for slot rules, {@code pipeline/rule/run-id}
   * for run rules.
   */
  public String key() {
    return pipeline + "/" + rule.checkName() + "/" + (rule.judgesSlots() ? slot.toString() : runId);
  }
}
