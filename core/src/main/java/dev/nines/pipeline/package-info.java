/**
 * Pipelines: the jobs that produce datasets, their runs, and the rules their runs are judged by.
 *
 * <p>A {@link dev.nines.pipeline.PipelineWatcher} takes a pipeline's expectations ({@link
 * dev.nines.spec.PipelineSpec}), its recent {@link dev.nines.pipeline.PipelineRun}s and the time of
 * an injected clock, and returns {@link dev.nines.pipeline.PipelineFinding}s, each an observation
 * whose dataset is the pipeline's name and whose check is the rule:
 *
 * <ul>
 *   <li>{@code missed} (FAIL, SYSTEM): no run started by the scheduled time plus grace; observed at
 *       exactly that moment, never before.
 *   <li>{@code failed} (FAIL, SYSTEM): a run failed or was aborted; the error message and stack
 *       trace are in the details.
 *   <li>{@code timeout} (FAIL, SYSTEM): a run went past max_duration, while running or not.
 *   <li>{@code late}: a slot must have a completed run by its deadline (the scheduled time plus
 *       {@code deadline}, or plus grace and max_duration). WARN when the run completed after it
 *       (the data arrived, late); FAIL from the deadline on while no run has completed (the data is
 *       not there when promised).
 *   <li>{@code at_risk} (WARN, SYSTEM): a run still going that will not complete by its deadline,
 *       or its max_duration if that comes first, at its typical pace (the median of the last
 *       successful runs). Raised at the run's start when a typical run would already end too late,
 *       else once it has run longer than a typical run and longer than 80% of its time to the
 *       deadline; never once the deadline has passed.
 *   <li>{@code rows} (FAIL, DATA): a completed run wrote 0 rows, fewer than min_rows, or fewer than
 *       the few_rows share (50%) of the median of the last successful runs.
 * </ul>
 *
 * <p>Rules with nothing to say yet (a slot not due, a run still inside its limits) give no finding;
 * passing rules give PASS. Schedules are five-field cron expressions read in the pipeline's time
 * zone by {@link dev.nines.pipeline.CronSchedule}, whose Javadoc gives the daylight saving rule.
 * {@link dev.nines.pipeline.PipelineMatcher} maps OpenLineage jobs to pipelines and lists the jobs
 * no pipeline watches.
 */
package dev.nines.pipeline;
