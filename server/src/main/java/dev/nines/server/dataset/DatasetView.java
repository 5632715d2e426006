package dev.nines.server.dataset;

import java.util.List;

/**
 * A dataset as the API shows it.
 *
 * @param monitored true when the spec declares it; false when only observations name it (e.g. from
 *     OpenLineage assertions)
 */
public record DatasetView(
    String name,
    boolean monitored,
    String source,
    String table,
    String owner,
    List<String> tags,
    int checks) {
  public DatasetView {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
