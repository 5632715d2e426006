package dev.nines.store.slo;

import dev.nines.pipeline.PipelineRule;
import dev.nines.slo.CheckOutcomes;
import dev.nines.slo.Tally;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.store.SliEvent;
import dev.nines.store.SloStore;
import java.time.Instant;

/**
 * An occurrences SLI counted into minute and hour buckets kept in memory and in the store: a
 * check's observations, or a pipeline's watcher verdicts on its runs and slots (PASS good; a late,
 * failed, missed or too long run bad; a finding that could not be judged is no data). At-risk
 * findings are forecasts about a run still going, not outcomes: they are not counted.
 */
final class BucketFeed extends BucketedFeed {
  BucketFeed(SloSpec spec) {
    super(spec);
    if (!(spec.sli() instanceof SliSpec.CheckResults
        || spec.sli() instanceof SliSpec.PipelineRuns)) {
      throw new IllegalArgumentException("not an occurrences SLI: " + spec.sli().kind());
    }
  }

  @Override
  public String subject() {
    return spec.sli() instanceof SliSpec.CheckResults check
        ? check.dataset()
        : ((SliSpec.PipelineRuns) spec.sli()).pipeline();
  }

  @Override
  String fingerprint() {
    // "outcomes": pipeline SLIs stopped counting at-risk forecasts; older buckets are rebuilt
    String events = spec.sli() instanceof SliSpec.PipelineRuns ? "outcomes|" : "";
    return events + spec.sli() + "|" + spec.noData() + "|" + spec.window().describe();
  }

  @Override
  public boolean accepts(SliEvent event) {
    if (spec.sli() instanceof SliSpec.CheckResults check) {
      return event.dataset().equals(check.dataset()) && event.check().equals(check.check());
    }
    return event.dataset().equals(subject())
        && event.checkType() != null
        && event.checkType().startsWith("pipeline_")
        && !event.checkType().equals(PipelineRule.AT_RISK.checkType());
  }

  @Override
  Iterable<SliEvent> history(SloStore.Tail tail, Instant since) {
    return tail.history(subject(), since, tail.position());
  }

  @Override
  Tally tally(SliEvent event) {
    if (spec.sli() instanceof SliSpec.CheckResults check) {
      return CheckOutcomes.of(event.status(), check.warnIsGood());
    }
    return switch (event.status()) {
      case PASS -> new Tally(1, 0, 0);
      case ERROR -> new Tally(0, 0, 1);
      default -> new Tally(0, 1, 0);
    };
  }
}
