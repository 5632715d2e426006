package dev.nines.store;

import java.util.Objects;

/**
 * A job's identity as OpenLineage gives it.
 *
 * @param namespace null to match the name in any namespace
 */
public record JobRef(String namespace, String name) {
  public JobRef {
    Objects.requireNonNull(name, "name");
  }

  /** {@code namespace/name}, the form the store matches qualified jobs by. */
  public String qualified() {
    return namespace + "/" + name;
  }
}
