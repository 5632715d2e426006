package dev.nines.slo.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.slo.interop.ImportIssue.Level;
import dev.nines.spec.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a contract's {@code slaProperties} into SLOs and agreement terms (see {@link OdcsImport}).
 */
final class OdcsSla {
  private final Consumer<ImportIssue> issues;
  private final List<AgreementTerm> terms;
  private final Map<String, String> datasetOf;
  private final String defaultElement;

  OdcsSla(
      Consumer<ImportIssue> issues,
      List<AgreementTerm> terms,
      Map<String, String> datasetOf,
      String defaultElement) {
    this.issues = issues;
    this.terms = terms;
    this.datasetOf = datasetOf;
    this.defaultElement = defaultElement;
  }

  ObjectNode read(JsonNode properties) {
    String objective = OdcsImport.DEFAULT_OBJECTIVE;
    Map<String, Duration> latency = new LinkedHashMap<>();
    Map<String, Duration> frequency = new LinkedHashMap<>();
    for (int index = 0; index < properties.size(); index++) {
      JsonNode sla = properties.get(index);
      String path = "slaProperties[" + index + "]";
      String property = Documents.text(sla, "property");
      JsonNode value = sla.get("value");
      if (property == null || value == null || !value.isValueNode()) {
        issues.accept(new ImportIssue(Level.ERROR, path, "needs property and value"));
        continue;
      }
      if (!OdcsImport.isTerm(property)) {
        issues.accept(
            new ImportIssue(
                Level.UNSUPPORTED,
                path + ".property",
                property
                    + " is not imported: Nines reads latency, frequency, availability,"
                    + " retention, timeToDetect and timeToRepair"));
        continue;
      }
      sla.fieldNames()
          .forEachRemaining(
              key -> {
                if (!OdcsImport.slaUsed().contains(key)) {
                  issues.accept(
                      new ImportIssue(Level.UNSUPPORTED, path + "." + key, "not imported"));
                }
              });
      String unit = Documents.text(sla, "unit");
      String dataset = dataset(sla, path);
      if (property.equals("availability")) {
        String percent = percent(value, path);
        if (percent != null) {
          objective = percent;
          terms.add(
              new AgreementTerm(
                  property, percent, null, dataset, Documents.text(sla, "driver"), path));
        }
        continue;
      }
      Duration duration =
          value.isNumber() && unit != null ? OdcsImport.duration(value.decimalValue(), unit) : null;
      String written = value.asText() + (unit == null ? "" : " " + unit);
      boolean measured = property.equals("latency") || property.equals("frequency");
      if (duration == null && (measured || !property.equals("retention"))) {
        issues.accept(
            new ImportIssue(
                Level.ERROR,
                path + ".unit",
                property + " needs a number and a unit of seconds to weeks, got " + written));
        continue;
      }
      terms.add(
          new AgreementTerm(
              property, written, duration, dataset, Documents.text(sla, "driver"), path));
      if (measured && dataset == null) {
        issues.accept(
            new ImportIssue(
                Level.ERROR,
                path + ".element",
                property + " needs an element naming a schema object"));
      } else if (property.equals("latency")) {
        latency.put(dataset, duration);
      } else if (property.equals("frequency")) {
        frequency.put(dataset, duration);
      }
    }
    ObjectNode slos = Documents.object();
    for (Map.Entry<String, Duration> entry : latency.entrySet()) {
      slos.set(
          entry.getKey() + "_latency",
          freshness(entry.getKey(), entry.getValue(), objective, "latency"));
    }
    for (Map.Entry<String, Duration> entry : frequency.entrySet()) {
      if (!latency.containsKey(entry.getKey())) {
        slos.set(
            entry.getKey() + "_frequency",
            freshness(entry.getKey(), entry.getValue(), objective, "frequency"));
      }
    }
    return slos;
  }

  private static ObjectNode freshness(
      String dataset, Duration maxAge, String objective, String property) {
    ObjectNode slo = Documents.object();
    slo.put(
        "description",
        "data contract " + property + ": " + dataset + " no older than " + Values.human(maxAge));
    ObjectNode sli = slo.putObject("sli");
    sli.put("freshness", dataset);
    sli.put("max_age", Values.human(maxAge).replace(" ", ""));
    slo.put("objective", objective);
    slo.put("window", OdcsImport.DEFAULT_WINDOW);
    return slo;
  }

  /** The dataset of {@code element} ({@code table.column} or {@code table}), or the only one. */
  private String dataset(JsonNode sla, String path) {
    String element = Documents.text(sla, "element");
    if (element == null) {
      element = defaultElement;
    }
    if (element == null) {
      return datasetOf.size() == 1 ? datasetOf.values().iterator().next() : null;
    }
    String object = element.split(",")[0].strip().split("\\.")[0];
    String dataset = datasetOf.get(object);
    if (dataset == null) {
      issues.accept(
          new ImportIssue(
              Level.ERROR,
              path + ".element",
              "'" + object + "' is no schema object of this contract that matches a dataset"));
    }
    return dataset;
  }

  private String percent(JsonNode value, String path) {
    String text = value.asText().strip();
    try {
      BigDecimal number =
          new BigDecimal(text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text);
      if (number.signum() > 0 && number.compareTo(BigDecimal.valueOf(100)) < 0) {
        return number.stripTrailingZeros().toPlainString() + "%";
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    issues.accept(
        new ImportIssue(
            Level.ERROR,
            path + ".value",
            "availability must be a percentage below 100, got " + text));
    return null;
  }
}
