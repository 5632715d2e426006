package dev.nines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.spec.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds spec records in tests the way the spec loader would, from small YAML snippets. */
public final class Specs {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Specs() {}

  /**
   * A check from its type and YAML options, e.g. {@code check("missing", "{column: email, max:
   * 2}")}; name, description, where and timeout are taken out as the loader does.
   */
  public static CheckSpec check(String type, String yamlOptions) {
    ObjectNode options;
    try {
      JsonNode parsed = YAML.readTree(yamlOptions.isBlank() ? "{}" : yamlOptions);
      options =
          parsed == null || parsed.isMissingNode() ? YAML.createObjectNode() : (ObjectNode) parsed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = text(options.remove("name"));
    String description = text(options.remove("description"));
    String where = text(options.remove("where"));
    String timeout = text(options.remove("timeout"));
    Duration duration = timeout == null ? null : Values.duration(timeout);
    return new CheckSpec(
        type,
        name,
        description,
        where,
        duration,
        options,
        Map.of(),
        "datasets.test.checks[0]",
        null);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  public static DatasetSpec table(String name, String source, String table, CheckSpec... checks) {
    return new DatasetSpec(
        name, source, table, null, null, null, null, null, null, null, null, List.of(checks), null);
  }

  public static DatasetSpec query(String name, String source, String query, CheckSpec... checks) {
    return new DatasetSpec(
        name, source, null, query, null, null, null, null, null, null, null, List.of(checks), null);
  }

  public static DatasetSpec file(String name, String source, String file, CheckSpec... checks) {
    return new DatasetSpec(
        name, source, null, null, file, null, null, null, null, null, null, List.of(checks), null);
  }

  /** The dataset with a {@code where} filter. */
  public static DatasetSpec where(DatasetSpec dataset, String where) {
    return new DatasetSpec(
        dataset.name(),
        dataset.source(),
        dataset.table(),
        dataset.query(),
        dataset.file(),
        dataset.owner(),
        dataset.tags(),
        dataset.description(),
        dataset.every(),
        dataset.cron(),
        where,
        dataset.checks(),
        dataset.location());
  }

  public static Spec spec(List<SourceSpec> sources, List<DatasetSpec> datasets) {
    Map<String, SourceSpec> sourceMap = new LinkedHashMap<>();
    sources.forEach(source -> sourceMap.put(source.name(), source));
    Map<String, DatasetSpec> datasetMap = new LinkedHashMap<>();
    datasets.forEach(dataset -> datasetMap.put(dataset.name(), dataset));
    return new Spec(sourceMap, datasetMap, null, Map.of(), List.of());
  }

  public static Spec spec(SourceSpec source, DatasetSpec... datasets) {
    return spec(List.of(source), List.of(datasets));
  }
}
