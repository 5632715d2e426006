package dev.nines.slo.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.slo.interop.ImportIssue.Level;
import dev.nines.spec.internal.Suggestions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Imports an Open Data Contract Standard v3 contract. Schema objects are matched to Nines datasets
 * by {@code name}, else {@code physicalName}. Quality rules become checks ({@link OdcsQuality});
 * {@code required} properties get a missing check and {@code unique} or {@code primaryKey} ones a
 * duplicates check. SLA properties: {@code latency} becomes a freshness SLO ({@code
 * <dataset>_latency}), as does {@code frequency} for a dataset without latency; {@code
 * availability} is their objective (99% when the contract has none); windows are 30 days rolling.
 * {@code retention}, {@code timeToDetect} and {@code timeToRepair} become agreement terms, as do
 * all six properties. Anything else is reported.
 */
public final class OdcsImport {
  private static final Set<String> TOP_USED =
      Set.of(
          "apiVersion",
          "kind",
          "id",
          "name",
          "version",
          "status",
          "schema",
          "slaProperties",
          "slaDefaultElement");
  private static final Set<String> OBJECT_USED =
      Set.of(
          "id",
          "name",
          "physicalName",
          "logicalType",
          "physicalType",
          "description",
          "businessName",
          "properties",
          "quality");
  private static final Set<String> PROPERTY_USED =
      Set.of(
          "id",
          "name",
          "logicalType",
          "physicalType",
          "description",
          "businessName",
          "quality",
          "required",
          "unique",
          "primaryKey");
  private static final Set<String> SLA_USED =
      Set.of("id", "property", "value", "unit", "element", "driver", "description");
  private static final Set<String> TERMS =
      Set.of("latency", "frequency", "availability", "retention", "timeToDetect", "timeToRepair");
  static final String DEFAULT_OBJECTIVE = "99%";
  static final String DEFAULT_WINDOW = "30d";

  private final Set<String> datasets;
  private final Map<String, Set<String>> declaredChecks;
  private final List<ImportIssue> issues = new ArrayList<>();
  private final Map<String, ArrayNode> checks = new LinkedHashMap<>();
  private final Map<String, Set<String>> checkNames = new LinkedHashMap<>();
  private final List<AgreementTerm> terms = new ArrayList<>();

  private OdcsImport(Map<String, Set<String>> declaredChecks) {
    this.datasets = new TreeSet<>(declaredChecks.keySet());
    this.declaredChecks = declaredChecks;
  }

  /**
   * Reads a contract against the datasets a spec declares, as if they had no checks yet.
   *
   * @throws InteropException when the text is not YAML or not an ODCS v3 contract
   */
  public static ContractImport read(String yaml, Set<String> datasets) {
    Map<String, Collection<String>> none = new LinkedHashMap<>();
    datasets.forEach(dataset -> none.put(dataset, Set.of()));
    return read(yaml, none);
  }

  /**
   * Reads a contract against the datasets a spec declares with the names of their checks: a check
   * whose name is taken gets a free one ({@code row_count_odcs}, then {@code row_count_odcs_2}…;
   * {@code _2}, {@code _3}… when an earlier rule of the contract took it), reported as renamed.
   *
   * @param checksByDataset each dataset's check names, by dataset name
   * @throws InteropException when the text is not YAML or not an ODCS v3 contract
   */
  public static ContractImport read(
      String yaml, Map<String, ? extends Collection<String>> checksByDataset) {
    List<JsonNode> documents = Documents.readAll(yaml, "the contract");
    if (documents.size() != 1 || !documents.get(0).isObject()) {
      throw new InteropException("a data contract is one YAML document with a map at the top");
    }
    Map<String, Set<String>> declared = new LinkedHashMap<>();
    checksByDataset.forEach(
        (dataset, names) ->
            declared.put(
                dataset,
                names.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet())));
    return new OdcsImport(declared).run(documents.get(0));
  }

  private ContractImport run(JsonNode contract) {
    String apiVersion = Documents.text(contract, "apiVersion");
    if (!"DataContract".equals(Documents.text(contract, "kind"))
        || apiVersion == null
        || !apiVersion.startsWith("v3.")) {
      throw new InteropException(
          "not an ODCS v3 contract: expected kind: DataContract and apiVersion: v3.x.x, got kind "
              + contract.get("kind")
              + " and apiVersion "
              + contract.get("apiVersion"));
    }
    unused(contract, TOP_USED, "");
    Map<String, String> datasetOf = new LinkedHashMap<>();
    JsonNode schema = contract.path("schema");
    for (int index = 0; index < schema.size(); index++) {
      String path = "schema[" + index + "]";
      JsonNode object = schema.get(index);
      unused(object, OBJECT_USED, path + ".");
      String dataset = dataset(object, path);
      if (dataset == null) {
        continue;
      }
      datasetOf.put(Documents.text(object, "name"), dataset);
      quality(object.path("quality"), dataset, null, path);
      JsonNode properties = object.path("properties");
      for (int p = 0; p < properties.size(); p++) {
        property(properties.get(p), dataset, path + ".properties[" + p + "]");
      }
    }
    ObjectNode slos =
        new OdcsSla(issues::add, terms, datasetOf, Documents.text(contract, "slaDefaultElement"))
            .read(contract.path("slaProperties"));
    return new ContractImport(checks, slos, terms, issues);
  }

  private String dataset(JsonNode object, String path) {
    String name = Documents.text(object, "name");
    String physical = Documents.text(object, "physicalName");
    if (name != null && datasets.contains(name)) {
      return name;
    }
    if (physical != null && datasets.contains(physical)) {
      return physical;
    }
    String written = name != null ? name : physical;
    issues.add(
        new ImportIssue(
            Level.ERROR,
            path + ".name",
            "schema object '"
                + written
                + "' matches no dataset"
                + (written == null ? "" : Suggestions.didYouMean(written, datasets))
                + "; its rules are not imported (datasets: "
                + String.join(", ", datasets)
                + ")"));
    return null;
  }

  private void property(JsonNode property, String dataset, String path) {
    unused(property, PROPERTY_USED, path + ".");
    String column = Documents.text(property, "name");
    if (column == null) {
      issues.add(new ImportIssue(Level.ERROR, path, "a property needs a name"));
      return;
    }
    boolean primaryKey = property.path("primaryKey").asBoolean(false);
    if (property.path("required").asBoolean(false) || primaryKey) {
      ObjectNode missing = Documents.object();
      missing.putObject("missing").put("column", column);
      add(dataset, missing, "missing_" + column, path + (primaryKey ? ".primaryKey" : ".required"));
    }
    if (property.path("unique").asBoolean(false) || primaryKey) {
      ObjectNode duplicates = Documents.object();
      duplicates.putObject("duplicates").put("column", column);
      add(
          dataset,
          duplicates,
          "duplicates_" + column,
          path + (property.path("unique").asBoolean(false) ? ".unique" : ".primaryKey"));
    }
    quality(property.path("quality"), dataset, column, path);
  }

  private void quality(JsonNode rules, String dataset, String column, String path) {
    OdcsQuality reader = new OdcsQuality(issues::add);
    for (int index = 0; index < rules.size(); index++) {
      String rulePath = path + ".quality[" + index + "]";
      ObjectNode check = reader.check(rules.get(index), column, rulePath);
      if (check != null) {
        add(dataset, check, defaultName(check), rulePath);
      }
    }
  }

  /**
   * Adds a check, naming it when its name is taken by a check of the spec's dataset or by an
   * earlier one of the contract (reported with the rule's path, as {@code nines validate} would
   * refuse it).
   */
  private void add(String dataset, ObjectNode check, String defaultName, String path) {
    Set<String> generated = checkNames.computeIfAbsent(dataset, key -> new LinkedHashSet<>());
    Set<String> declared = declaredChecks.getOrDefault(dataset, Set.of());
    ObjectNode options = (ObjectNode) check.elements().next();
    String name = options.has("name") ? options.get("name").asText() : defaultName;
    String unique = name;
    if (declared.contains(name) || generated.contains(name)) {
      String base = declared.contains(name) ? name + "_odcs" : name;
      unique = declared.contains(name) ? base : base + "_2";
      for (int suffix = declared.contains(name) ? 2 : 3;
          declared.contains(unique) || generated.contains(unique);
          suffix++) {
        unique = base + "_" + suffix;
      }
      options.put("name", unique);
      issues.add(
          new ImportIssue(
              Level.RENAMED,
              path,
              "imported as "
                  + unique
                  + ": "
                  + (declared.contains(name)
                      ? "dataset " + dataset + " already has a check " + name
                      : "an earlier rule of the contract is the check " + name)));
    }
    generated.add(unique);
    checks.computeIfAbsent(dataset, key -> Documents.YAML.createArrayNode()).add(check);
  }

  private static String defaultName(ObjectNode check) {
    String type = check.fieldNames().next();
    JsonNode options = check.get(type);
    if (options.has("column")) {
      return type + "_" + options.get("column").asText();
    }
    if (options.has("columns")) {
      List<String> columns = new ArrayList<>();
      options.get("columns").forEach(column -> columns.add(column.asText()));
      return type + "_" + String.join("_", columns);
    }
    return options.has("name") ? options.get("name").asText() : type;
  }

  private void unused(JsonNode node, Set<String> used, String prefix) {
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!used.contains(key)) {
                issues.add(new ImportIssue(Level.UNSUPPORTED, prefix + key, "not imported"));
              }
            });
  }

  /** {@code 4} and {@code d} as a duration; null when the unit is not a fixed length. */
  static Duration duration(BigDecimal value, String unit) {
    long seconds =
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "s", "sec", "second", "seconds" -> 1;
          case "m", "min", "minute", "minutes" -> 60;
          case "h", "hr", "hour", "hours" -> 3_600;
          case "d", "day", "days" -> 86_400;
          case "w", "week", "weeks" -> 604_800;
          default -> 0;
        };
    return seconds == 0
        ? null
        : Duration.ofSeconds(value.multiply(BigDecimal.valueOf(seconds)).longValue());
  }

  static boolean isTerm(String property) {
    return TERMS.contains(property);
  }

  static Set<String> slaUsed() {
    return SLA_USED;
  }
}
