package dev.nines.spec;

import dev.nines.slo.BudgetingMethod;
import dev.nines.slo.NoDataPolicy;
import dev.nines.slo.Objective;
import dev.nines.slo.SloTarget;
import dev.nines.slo.SloWindow;
import java.time.Duration;
import java.util.Objects;

/**
 * A service level objective as written under {@code slos:}.
 *
 * @param name the key under {@code slos:}
 * @param description what is promised in plain words, may be null
 * @param sli what is measured
 * @param objective the share promised
 * @param window rolling or calendar
 * @param budgeting occurrences or time slices (by default the SLI kind's)
 * @param slice the length of a time slice (1m)
 * @param noData how a slice or event without data counts (bad)
 * @param location where it was declared
 */
public record SloSpec(
    String name,
    String description,
    SliSpec sli,
    Objective objective,
    SloWindow window,
    BudgetingMethod budgeting,
    Duration slice,
    NoDataPolicy noData,
    SpecLocation location) {
  public SloSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sli, "sli");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(window, "window");
    budgeting = budgeting == null ? sli.defaultBudgeting() : budgeting;
    slice = slice == null ? SloTarget.DEFAULT_SLICE : slice;
    noData = noData == null ? NoDataPolicy.BAD : noData;
    location = location == null ? SpecLocation.UNKNOWN : location;
  }

  /** The promise as the SLO math takes it. */
  public SloTarget target() {
    return new SloTarget(objective, window, budgeting, slice, noData);
  }
}
