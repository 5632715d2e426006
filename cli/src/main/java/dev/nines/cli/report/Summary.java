package dev.nines.cli.report;

import dev.nines.observation.Status;
import dev.nines.run.RunResult;

/** The counts of a run, and the lines that tell a person what they mean. */
public record Summary(long checks, long passed, long warnings, long failed, long errors) {
  public static Summary of(RunResult result) {
    return new Summary(
        result.observations().size(),
        result.count(Status.PASS),
        result.count(Status.WARN),
        result.count(Status.FAIL),
        result.count(Status.ERROR));
  }

  /** E.g. {@code 12 checks: 9 passed, 1 warning, 1 failed (data), 1 error (system)}. */
  public String countsLine() {
    return plural(checks, "check", "checks")
        + ": "
        + passed
        + " passed, "
        + plural(warnings, "warning", "warnings")
        + ", "
        + failed
        + " failed (data), "
        + plural(errors, "error", "errors")
        + " (system)";
  }

  /** One sentence that says what the exit code means for this run. */
  public String verdictLine(int exitCode, boolean storeFailed) {
    StringBuilder text = new StringBuilder();
    if (errors > 0) {
      text.append(plural(errors, "check", "checks"))
          .append(" could not run")
          .append(": a system problem (connection, permission, timeout, SQL), not a data one");
      if (failed > 0) {
        text.append("; ").append(plural(failed, "check", "checks")).append(" found bad data");
      }
    } else if (failed > 0) {
      text.append(plural(failed, "check", "checks")).append(" found bad data");
    } else if (storeFailed) {
      text.append("every check ran, but the results could not be saved");
    } else if (warnings > 0) {
      text.append("no failures; warnings do not fail the run");
    } else {
      text.append("all checks passed");
    }
    return text.append(" (exit ").append(exitCode).append(")").toString();
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
