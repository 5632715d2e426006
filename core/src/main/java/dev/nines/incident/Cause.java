package dev.nines.incident;

import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import java.util.Locale;
import java.util.Objects;

/**
 * What a failing observation is a failure of: its subject and cause, which together are the
 * incident key grouping failures while an incident is open.
 *
 * <ul>
 *   <li>a dataset check that fails or warns: the dataset, the check's name;
 *   <li>a pipeline finding ({@code pipeline_*}): the pipeline, the rule;
 *   <li>a check that cannot reach its database (CONNECTION, AUTHENTICATION): the source, {@code
 *       unreachable}, so a database that is down is one incident whatever the number of checks;
 *   <li>any other error (including TIMEOUT: a slow query, not a dead database): the dataset, {@code
 *       error_<category>}.
 * </ul>
 */
public record Cause(Subject subject, String name) {
  /** The cause of every check of a source that cannot be reached. */
  public static final String UNREACHABLE = "unreachable";

  /** The check type of SLO burn-rate observations, whose dataset column is the SLO's name. */
  public static final String SLO_BURN = "slo_burn";

  public Cause {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The cause of an observation; {@code source} may be null when the dataset is not in the spec.
   */
  public static Cause of(Observation observation, String source) {
    if (observation.checkType().equals(SLO_BURN)) {
      return new Cause(Subject.slo(observation.dataset()), observation.check());
    }
    if (observation.checkType().startsWith("pipeline_")) {
      return new Cause(Subject.pipeline(observation.dataset()), observation.check());
    }
    if (observation.status() == Status.ERROR) {
      if (meansUnreachable(observation.errorCategory()) && source != null) {
        return new Cause(Subject.source(source), UNREACHABLE);
      }
      ErrorCategory category =
          observation.errorCategory() == null
              ? ErrorCategory.INTERNAL
              : observation.errorCategory();
      return new Cause(
          Subject.dataset(observation.dataset()),
          "error_" + category.name().toLowerCase(Locale.ROOT));
    }
    return new Cause(Subject.dataset(observation.dataset()), observation.check());
  }

  /** Whether the error says the database itself could not be used at all. */
  public static boolean meansUnreachable(ErrorCategory category) {
    return category == ErrorCategory.CONNECTION || category == ErrorCategory.AUTHENTICATION;
  }

  /** Whether this cause is an error category of a dataset rather than one check. */
  public boolean isDatasetError() {
    return subject.kind() == SubjectKind.DATASET && name.startsWith("error_");
  }

  /** The incident key, e.g. {@code dataset:orders/freshness}. */
  public String key() {
    return subject.kind().name().toLowerCase(Locale.ROOT) + ":" + subject.name() + "/" + name;
  }
}
