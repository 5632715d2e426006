package dev.nines.spec;

import java.time.Duration;
import java.util.List;

/**
 * A table, view or query in a source, with its checks.
 *
 * @param name the key under {@code datasets:}
 * @param source name of a key under {@code sources:}
 * @param table the table or view, optionally schema-qualified ({@code public.orders}); null when
 *     {@code query} or {@code file} is set
 * @param query a SELECT whose result is checked as if it were a table; null when {@code table} is
 *     set
 * @param owner team or person responsible, may be null
 * @param tags free labels
 * @param description may be null
 * @param every how often a server runs its checks (later issues), may be null
 * @param cron cron expression alternative to {@code every}, may be null
 * @param where a filter applied to every check of the dataset (a partition), may be null
 * @param checks in spec order
 * @param location where it was declared
 * @param runbook a runbook url or text shown with its incidents, may be null
 */
public record DatasetSpec(
    String name,
    String source,
    String table,
    String query,
    String file,
    String owner,
    List<String> tags,
    String description,
    Duration every,
    String cron,
    String where,
    List<CheckSpec> checks,
    SpecLocation location,
    String runbook) {
  public DatasetSpec {
    tags = tags == null ? List.of() : List.copyOf(tags);
    checks = checks == null ? List.of() : List.copyOf(checks);
    location = location == null ? SpecLocation.UNKNOWN : location;
  }

  /** A dataset without a runbook (the form before runbooks were read). */
  public DatasetSpec(
      String name,
      String source,
      String table,
      String query,
      String file,
      String owner,
      List<String> tags,
      String description,
      Duration every,
      String cron,
      String where,
      List<CheckSpec> checks,
      SpecLocation location) {
    this(
        name,
        source,
        table,
        query,
        file,
        owner,
        tags,
        description,
        every,
        cron,
        where,
        checks,
        location,
        null);
  }
}
