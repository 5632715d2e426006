package dev.nines.pipeline.internal;

import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import dev.nines.pipeline.PipelineFinding;
import dev.nines.pipeline.PipelineRule;
import dev.nines.pipeline.PipelineRun;
import dev.nines.pipeline.RunState;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.PipelineSpec.FewRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Judges the rows a completed run wrote: none (when min_rows is at least 1), fewer than min_rows,
 * or fewer than the few_rows share of the median of the last successful runs. Runs that reported no
 * row count are not judged; with min_rows 0 an empty run is accepted.
 */
public final class RowRule {
  private final PipelineSpec pipeline;
  private final Verdicts verdicts;
  private final RunHistory history;

  public RowRule(PipelineSpec pipeline, Verdicts verdicts, RunHistory history) {
    this.pipeline = pipeline;
    this.verdicts = verdicts;
    this.history = history;
  }

  public Optional<PipelineFinding> judge(PipelineRun run, Instant slot) {
    if (run.state() != RunState.COMPLETED || run.rowsWritten() == null) {
      return Optional.empty();
    }
    long rows = run.rowsWritten();
    long minRows = pipeline.minRows();
    Instant at = run.endedAt() != null ? run.endedAt() : run.firstSeen();
    FewRows fewRows = pipeline.fewRows();
    OptionalDouble median =
        fewRows == null
            ? OptionalDouble.empty()
            : history.typicalRows(run.runId(), at, fewRows.runs(), fewRows.minRuns());
    double threshold = median.isPresent() ? median.getAsDouble() * fewRows.ratio() : 0;
    List<String> details = new ArrayList<>();
    details.add(RunRules.identity(run));
    String text = minRows > 0 ? "at least " + Verdicts.rows(minRows) : "any number of rows";
    if (median.isPresent()) {
      String share =
          percent(fewRows.ratio())
              + " of the median "
              + Verdicts.rows(Math.round(median.getAsDouble()));
      text += " and at least " + share;
      details.add(
          "median of the last "
              + fewRows.runs()
              + " successful runs: "
              + Verdicts.rows(Math.round(median.getAsDouble())));
    }
    Expectation expectation =
        new Expectation(
            new Bounds(Math.max((double) minRows, threshold), null), null, "rows", text);
    String message;
    Status status = Status.FAIL;
    if (rows == 0 && minRows >= 1) {
      message = "wrote 0 rows";
    } else if (rows < minRows) {
      message =
          "wrote " + Verdicts.rows(rows) + ", fewer than min_rows " + String.format("%,d", minRows);
    } else if (median.isPresent() && rows < threshold && !(rows == 0 && minRows == 0)) {
      message =
          "wrote unusually few rows: "
              + Verdicts.rows(rows)
              + ", "
              + percent(rows / median.getAsDouble())
              + " of the median "
              + String.format("%,d", Math.round(median.getAsDouble()))
              + " of the last successful runs (below "
              + percent(fewRows.ratio())
              + ")";
    } else {
      message = "wrote " + Verdicts.rows(rows);
      status = Status.PASS;
    }
    return Optional.of(
        verdicts.finding(
            PipelineRule.ROWS,
            slot,
            run.runId(),
            status,
            (double) rows,
            expectation,
            message,
            details,
            at));
  }

  private static String percent(double ratio) {
    double percent = ratio * 100;
    return (percent == Math.rint(percent)
            ? String.valueOf(Math.round(percent))
            : String.format("%.1f", percent))
        + "%";
  }
}
