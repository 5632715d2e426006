package dev.nines.pipeline;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The OpenLineage job identities a pipeline answers for: a namespace and a name, where {@code *}
 * matches any run of characters (dots and slashes included).
 *
 * @param namespace e.g. {@code airflow}; {@code *} matches every namespace
 * @param name e.g. {@code orders_dag.load_orders} or {@code orders_dag.*}
 */
public record JobPattern(String namespace, String name) {
  /** Matches any namespace. */
  public static final String ANY = "*";

  public JobPattern {
    namespace = namespace == null || namespace.isBlank() ? ANY : namespace;
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a job name pattern must not be empty");
    }
  }

  /** Whether a job with this namespace and name is matched. */
  public boolean matches(String jobNamespace, String jobName) {
    return matchesPattern(namespace, jobNamespace) && matchesPattern(name, jobName);
  }

  /** Whether neither part has a wildcard, so exactly one job is matched. */
  public boolean isExact() {
    return !namespace.contains("*") && !name.contains("*");
  }

  private static boolean matchesPattern(String pattern, String value) {
    if (value == null) {
      return pattern.equals(ANY);
    }
    if (!pattern.contains("*")) {
      return pattern.equals(value);
    }
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
