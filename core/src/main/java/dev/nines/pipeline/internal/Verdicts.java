package dev.nines.pipeline.internal;

import dev.nines.observation.Expectation;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.pipeline.PipelineFinding;
import dev.nines.pipeline.PipelineRule;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Values;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Builds the findings of one pipeline and words their times and numbers for people. */
public final class Verdicts {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final PipelineSpec pipeline;

  public Verdicts(PipelineSpec pipeline) {
    this.pipeline = pipeline;
  }

  /** A finding; {@code value} is in the expectation's unit and may be null. */
  public PipelineFinding finding(
      PipelineRule rule,
      Instant slot,
      String runId,
      Status status,
      Double value,
      Expectation expectation,
      String message,
      List<String> details,
      Instant observedAt) {
    Observation observation =
        new Observation(
            pipeline.name(),
            rule.checkName(),
            rule.checkType(),
            status,
            rule.kind(),
            null,
            value,
            expectation,
            message,
            details,
            List.of(),
            observedAt,
            Duration.ZERO);
    return new PipelineFinding(pipeline.name(), rule, slot, runId, observation);
  }

  /** An instant in the pipeline's zone, e.g. {@code 2026-03-10 02:30 Europe/Paris}. */
  public String time(Instant instant) {
    ZonedDateTime local = instant.atZone(pipeline.timezone());
    DateTimeFormatter format = local.getSecond() == 0 && local.getNano() == 0 ? MINUTES : SECONDS;
    return local.format(format) + " " + pipeline.timezone().getId();
  }

  /** A duration as people write it, e.g. {@code 1h 20m}. */
  public static String span(Duration duration) {
    return Values.human(duration);
  }

  /** Seconds as a number, the unit of every timing value. */
  public static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  /** A row count with thousands separators. */
  public static String rows(long rows) {
    return String.format("%,d", rows) + (rows == 1 ? " row" : " rows");
  }
}
