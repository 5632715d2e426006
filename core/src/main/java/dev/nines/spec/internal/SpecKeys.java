package dev.nines.spec.internal;

import java.util.List;

/** The keys the spec format knows, shared by the loader and the JSON Schema so they agree. */
public final class SpecKeys {
  public static final String SOURCES = "sources";
  public static final String DATASETS = "datasets";
  public static final String STORE = "store";

  /** Sections kept raw for later features. */
  public static final List<String> LATER =
      List.of("pipelines", "services", "slos", "consumers", "notify", "server");

  public static final List<String> TOP =
      List.of(
          SOURCES,
          DATASETS,
          STORE,
          "pipelines",
          "services",
          "slos",
          "consumers",
          "notify",
          "server",
          "incidents");

  public static final List<String> SOURCE =
      List.of(
          "url",
          "user",
          "password",
          "properties",
          "connect_timeout",
          "query_timeout",
          "max_connections",
          "timezone");

  public static final List<String> DATASET =
      List.of(
          "source",
          "table",
          "query",
          "file",
          "owner",
          "tags",
          "description",
          "every",
          "cron",
          "where",
          "checks");

  /** Exactly one of these says what a dataset is. */
  public static final List<String> DATASET_KINDS = List.of("table", "query", "file");

  /** Read into the model and, for readers written before that, also kept raw with LATER. */
  public static final String PIPELINES = "pipelines";

  public static final List<String> PIPELINE =
      List.of(
          "job",
          "jobs",
          "schedule",
          "timezone",
          "grace",
          "max_duration",
          "deadline",
          "outputs",
          "min_rows",
          "few_rows",
          "owner",
          "tags",
          "description",
          "remediation",
          "inputs");

  /** Read into the model ({@link dev.nines.spec.ConsumerSpec}) and also kept raw with LATER. */
  public static final String CONSUMERS = "consumers";

  public static final List<String> CONSUMER =
      List.of("about", "owner", "agreements", "breach", "notify");

  public static final List<String> AGREEMENT =
      List.of("promise", "datasets", "checks", "pipelines", "slos", "remediation");

  /** The {@code incidents:} section, read into {@link dev.nines.spec.IncidentPolicySpec}. */
  public static final String INCIDENTS = "incidents";

  public static final List<String> INCIDENT_POLICY =
      List.of("auto_resolve_after", "reopen_within", "escalate", "severity");

  public static final List<String> SEVERITY_RULE = List.of("when", "severity");

  public static final List<String> SEVERITY_WHEN =
      List.of("kind", "dataset", "tags", "status", "check_type", "consumer", "owner", "pipeline");

  /** Keys of an OpenLineage job identity under a pipeline's {@code job:} or {@code jobs:}. */
  public static final List<String> JOB = List.of("namespace", "name");

  /** Keys of a pipeline's {@code few_rows:} rule. */
  public static final List<String> FEW_ROWS = List.of("ratio", "runs", "min_runs");

  public static final List<String> STORE_KEYS = List.of("url", "user", "password");

  /** Keys every check accepts besides its type's options. */
  public static final List<String> CHECK_COMMON =
      List.of("name", "description", "where", "timeout");

  private SpecKeys() {}
}
