package dev.nines.spec.internal;

import java.util.List;

/** The keys the spec format knows, shared by the loader and the JSON Schema so they agree. */
public final class SpecKeys {
  public static final String SOURCES = "sources";
  public static final String DATASETS = "datasets";
  public static final String STORE = "store";

  /** Sections kept raw for later features. */
  public static final List<String> LATER =
      List.of("pipelines", "services", "slos", "consumers", "notify");

  public static final List<String> TOP =
      List.of(SOURCES, DATASETS, STORE, "pipelines", "services", "slos", "consumers", "notify");

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

  public static final List<String> STORE_KEYS = List.of("url", "user", "password");

  /** Keys every check accepts besides its type's options. */
  public static final List<String> CHECK_COMMON =
      List.of("name", "description", "where", "timeout");

  private SpecKeys() {}
}
