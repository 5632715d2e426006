package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.pipeline.CronSchedule;
import dev.nines.pipeline.InvalidCronException;
import dev.nines.pipeline.JobPattern;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.PipelineSpec.FewRows;
import dev.nines.spec.Problems;
import dev.nines.spec.Values;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one entry of {@code pipelines:}, given the names of the datasets it may write. */
final class PipelineReader {
  private static final String CRON_HINT =
      "five fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\", or @hourly,"
          + " @daily, @weekly, @monthly";

  // a fixed start keeps the check the same on every run; 100 fires cover any weekly pattern
  private static final Instant INTERVAL_PROBE = Instant.parse("2026-01-01T00:00:00Z");
  private static final int INTERVAL_FIRES = 100;

  private final Fields fields;
  private final Problems problems;

  PipelineReader(Fields fields) {
    this.fields = fields;
    this.problems = fields.problems();
  }

  /** The pipeline, or null when it is not even a map. */
  PipelineSpec read(Located entry, Set<String> datasets) {
    String name = entry.key();
    fields.validName(name, entry, "pipeline");
    if (!fields.map(entry, "a map with job, schedule, grace, max_duration and outputs")) {
      return null;
    }
    String what = "pipeline " + name;
    fields.rejectUnknownKeys(entry, SpecKeys.PIPELINE, what);
    List<JobPattern> jobs = jobs(entry, what);
    ZoneId zone = fields.zone(entry.child("timezone"));
    CronSchedule schedule =
        schedule(entry.child("schedule"), zone == null ? ZoneId.of("UTC") : zone);
    Duration grace = graceOf(entry.child("grace"));
    Duration maxDuration = fields.duration(entry.child("max_duration"));
    Duration deadline = fields.duration(entry.child("deadline"));
    if (entry.child("schedule").isAbsent()) {
      for (String timing : List.of("timezone", "grace", "deadline")) {
        Located value = entry.child(timing);
        if (!value.isAbsent()) {
          problems.add(
              value.keyLocation(),
              value.field(),
              timing + " needs a schedule",
              "add schedule: \"0 2 * * *\" (a cron expression) or remove " + timing);
        }
      }
    }
    Duration interval =
        schedule == null ? null : schedule.shortestInterval(INTERVAL_PROBE, INTERVAL_FIRES);
    if (grace != null && interval != null) {
      graceWithinInterval(entry.child("grace"), grace, interval);
    }
    Duration effectiveGrace = grace == null ? defaultGrace(interval) : grace;
    if (deadline != null && deadline.compareTo(effectiveGrace) <= 0) {
      problems.add(
          entry.child("deadline").location(),
          entry.child("deadline").field(),
          "deadline "
              + Values.human(deadline)
              + " is not after the start grace "
              + Values.human(effectiveGrace),
          "deadline counts from the scheduled time: make it longer than grace");
    }
    Long minRows = minRows(entry.child("min_rows"));
    return new PipelineSpec(
        name,
        jobs,
        schedule,
        effectiveGrace,
        maxDuration,
        deadline,
        outputs(entry.child("outputs"), datasets),
        minRows == null ? PipelineSpec.DEFAULT_MIN_ROWS : minRows,
        fewRows(entry.child("few_rows"), what),
        fields.text(entry.child("owner")),
        fields.textList(entry.child("tags")),
        fields.text(entry.child("description")),
        entry.child("remediation").isAbsent() ? null : entry.child("remediation").node(),
        entry.keyLocation(),
        outputs(entry.child("inputs"), datasets));
  }

  private List<JobPattern> jobs(Located entry, String what) {
    Located job = entry.child("job");
    Located jobs = entry.child("jobs");
    List<JobPattern> patterns = new ArrayList<>();
    if (!job.isAbsent() && !jobs.isAbsent()) {
      problems.add(
          jobs.keyLocation(),
          jobs.field(),
          what + " sets both job and jobs",
          "keep one of them: jobs: lists several");
    }
    if (!job.isAbsent()) {
      addJob(job, what, patterns);
    } else if (!jobs.isAbsent()) {
      if (!jobs.node().isArray()) {
        fields.wrongKind(jobs, "a list of jobs");
      } else if (jobs.node().isEmpty()) {
        problems.add(jobs.location(), jobs.field(), "must list at least one job");
      }
      jobs.items().forEach(item -> addJob(item, what, patterns));
    }
    return patterns;
  }

  private void addJob(Located job, String what, List<JobPattern> into) {
    if (job.node().isTextual()) {
      String pattern = fields.requiredTextValue(job);
      if (pattern != null) {
        into.add(new JobPattern(null, pattern));
      }
      return;
    }
    if (!job.node().isObject()) {
      fields.wrongKind(job, "a job name, or a map with namespace and name");
      return;
    }
    fields.rejectUnknownKeys(job, SpecKeys.JOB, "the job of " + what);
    String name = fields.requiredText(job, "name", "the job of " + what);
    String namespace = fields.text(job.child("namespace"));
    if (namespace != null && namespace.isBlank()) {
      problems.add(
          job.child("namespace").location(), job.child("namespace").field(), "must not be empty");
    }
    if (name != null) {
      into.add(new JobPattern(namespace, name));
    }
  }

  private CronSchedule schedule(Located value, ZoneId zone) {
    String text = fields.text(value);
    if (text == null) {
      return null;
    }
    try {
      return CronSchedule.parse(text, zone);
    } catch (InvalidCronException e) {
      problems.add(
          value.location(),
          value.field(),
          "'" + text.strip() + "' is not a valid schedule: " + e.getMessage(),
          CRON_HINT);
      return null;
    }
  }

  /** A run starting after the next fire counts for that one, so grace must end before it. */
  private void graceWithinInterval(Located value, Duration grace, Duration interval) {
    if (grace.compareTo(interval) < 0) {
      return;
    }
    problems.add(
        value.location(),
        value.field(),
        "grace "
            + Values.human(grace)
            + " is not shorter than the "
            + Values.human(interval)
            + " between scheduled runs",
        "a run that starts after the next scheduled time counts for that one: shorten grace");
  }

  /** 15 minutes, or half the time between runs when that is shorter. */
  private static Duration defaultGrace(Duration interval) {
    if (interval == null || interval.dividedBy(2).compareTo(PipelineSpec.DEFAULT_GRACE) >= 0) {
      return PipelineSpec.DEFAULT_GRACE;
    }
    return interval.dividedBy(2);
  }

  private Duration graceOf(Located value) {
    if (value.node().isTextual()) {
      try {
        if (Values.duration(value.node().textValue()).isZero()) {
          return Duration.ZERO; // a run must start on the dot
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    return fields.duration(value);
  }

  private Long minRows(Located value) {
    if (value.isAbsent()) {
      return null;
    }
    if (!value.node().isIntegralNumber() || !value.node().canConvertToLong()) {
      fields.wrongKind(value, "a whole number of rows");
      return null;
    }
    long rows = value.node().longValue();
    if (rows < 0) {
      problems.add(value.location(), value.field(), "must not be negative, got " + rows);
      return null;
    }
    return rows;
  }

  private List<String> outputs(Located value, Set<String> datasets) {
    List<String> outputs = fields.textList(value);
    List<Located> items = value.items();
    for (int index = 0; index < items.size(); index++) {
      Located item = items.get(index);
      String output = item.node().isValueNode() ? item.node().asText() : null;
      if (output != null && !datasets.contains(output)) {
        problems.add(
            item.location(),
            item.field(),
            "dataset '" + output + "' is not defined" + Suggestions.didYouMean(output, datasets),
            datasets.isEmpty()
                ? "declare it under datasets:"
                : "defined datasets: " + String.join(", ", datasets));
      }
    }
    return outputs;
  }

  private FewRows fewRows(Located value, String what) {
    if (value.isAbsent()) {
      return FewRows.DEFAULT;
    }
    JsonNode node = value.node();
    if (node.isBoolean()) {
      return node.booleanValue() ? FewRows.DEFAULT : null;
    }
    if (!fields.map(value, "a map with ratio, runs and min_runs, or false")) {
      return FewRows.DEFAULT;
    }
    fields.rejectUnknownKeys(value, SpecKeys.FEW_ROWS, "few_rows of " + what);
    Double ratio = ratio(value.child("ratio"));
    Integer runs = fields.positiveInt(value.child("runs"));
    Integer minRuns = fields.positiveInt(value.child("min_runs"));
    FewRows defaults = FewRows.DEFAULT;
    int lastRuns = runs == null ? defaults.runs() : runs;
    int needed = minRuns == null ? Math.min(defaults.minRuns(), lastRuns) : minRuns;
    if (needed > lastRuns) {
      problems.add(
          value.child("min_runs").location(),
          value.child("min_runs").field(),
          "min_runs " + needed + " is more than runs " + lastRuns,
          "the median is taken over the last 'runs' successful runs");
      needed = lastRuns;
    }
    return new FewRows(ratio == null ? defaults.ratio() : ratio, lastRuns, needed);
  }

  private Double ratio(Located value) {
    if (value.isAbsent()) {
      return null;
    }
    String text = value.node().isTextual() ? value.node().textValue() : null;
    if (text == null || !Values.isPercent(text)) {
      fields.wrongKind(value, "a percentage such as 50%");
      return null;
    }
    double ratio = Values.percent(text);
    if (ratio <= 0 || ratio > 1) {
      problems.add(
          value.location(),
          value.field(),
          "must be above 0% and at most 100%, got " + text,
          "a run is flagged when it writes fewer rows than this share of the median");
      return null;
    }
    return ratio;
  }
}
