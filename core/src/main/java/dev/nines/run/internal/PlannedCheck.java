package dev.nines.run.internal;

import dev.nines.check.CheckException;
import dev.nines.check.CheckPlan;
import dev.nines.check.RunnableCheckType;
import dev.nines.spec.CheckSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * One check of a dataset ready to run: its plan, or why it cannot run.
 *
 * @param filter the dataset's and the check's where, ANDed; its scan is shared with other checks
 *     having the same filter
 */
record PlannedCheck(
    CheckSpec spec,
    RunnableCheckType type,
    String name,
    Optional<String> filter,
    Duration timeout,
    CheckPlan plan,
    CheckException problem) {
  boolean runnable() {
    return plan != null && problem == null;
  }

  String typeName() {
    return spec.type();
  }
}
