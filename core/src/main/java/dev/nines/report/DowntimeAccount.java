package dev.nines.report;

import dev.nines.slo.Interval;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Data downtime of one dataset, pipeline, consumer or agreement over a period.
 *
 * @param group what is accounted, e.g. {@code orders} or {@code finance}
 * @param intervals downtime clipped to the period and merged, oldest first: a minute is counted
 *     once however many incidents cover it
 * @param downtime the intervals' total
 * @param dataDowntime DDT = Σ (TTD + TTR) of the incidents, each clipped to the period (overlapping
 *     incidents each count, unlike {@code downtime})
 * @param incidents how many incidents were down during the period
 * @param meanTimeToDetect over those incidents; null when there were none
 * @param meanTimeToResolve over those resolved; null when none was
 * @param uptime the elapsed period less {@code downtime}
 */
public record DowntimeAccount(
    String group,
    List<Interval> intervals,
    Duration downtime,
    Duration dataDowntime,
    int incidents,
    Duration meanTimeToDetect,
    Duration meanTimeToResolve,
    Uptime uptime) {
  public DowntimeAccount {
    Objects.requireNonNull(group, "group");
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(downtime, "downtime");
    Objects.requireNonNull(dataDowntime, "dataDowntime");
    Objects.requireNonNull(uptime, "uptime");
  }
}
