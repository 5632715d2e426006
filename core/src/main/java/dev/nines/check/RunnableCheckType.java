package dev.nines.check;

import dev.nines.spec.CheckSpec;

/** A check type the engine can plan and run. Every built-in type is one. */
public interface RunnableCheckType extends CheckType {
  /**
   * The SQL work of one check, whose options passed {@link #validate}.
   *
   * @throws CheckException when it cannot run here, e.g. a missing column
   */
  CheckPlan plan(CheckSpec spec, CheckContext context);

  /**
   * Whether the check reads only the catalog; such checks still run when the shared scan of their
   * dataset fails.
   */
  default boolean catalogOnly() {
    return false;
  }
}
