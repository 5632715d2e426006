package dev.nines.slo.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.slo.interop.ImportIssue.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports OpenSLO v1 documents (kinds SLO, SLI, AlertPolicy, AlertCondition, Service) into the
 * Nines {@code slos:} section. Nines reads what it measures itself, so an indicator's metric source
 * must be {@code type: Nines} with the Nines SLI as its spec ({@code freshness}, {@code check},
 * {@code pipeline}, or {@code dataset} + {@code metric}); see {@link OpenSloExport} for the exact
 * shape. Alert policies are reported, not imported: Nines alerts by multi-window burn rates.
 */
public final class OpenSloImport {
  static final String API_VERSION = "openslo/v1";
  static final String NINES_SOURCE = "Nines";
  private static final Set<String> KINDS =
      Set.of("SLO", "SLI", "AlertPolicy", "AlertCondition", "Service");
  // kinds of OpenSLO v1 that are valid but have no Nines counterpart
  private static final Set<String> OTHER_KINDS = Set.of("DataSource", "AlertNotificationTarget");
  private static final Set<String> SLO_KEYS =
      Set.of(
          "description",
          "service",
          "indicator",
          "indicatorRef",
          "timeWindow",
          "budgetingMethod",
          "objectives",
          "alertPolicies");
  private static final Set<String> OBJECTIVE_KEYS =
      Set.of("op", "value", "target", "targetPercent", "timeSliceWindow");
  private static final Pattern SHORTHAND = Pattern.compile("(\\d+)\\s*([smhdwMQY])");

  private final List<ImportIssue> issues = new ArrayList<>();
  private final Map<String, JsonNode> slis = new LinkedHashMap<>();
  private final Map<String, String> where = new LinkedHashMap<>();

  private OpenSloImport() {}

  /** The slos read from a multi-document YAML text, and everything that was left out. */
  public static ImportResult read(String yaml) {
    return new OpenSloImport().run(Documents.readAll(yaml, "the OpenSLO text"));
  }

  private ImportResult run(List<JsonNode> documents) {
    List<Map.Entry<String, JsonNode>> slos = new ArrayList<>();
    for (int index = 0; index < documents.size(); index++) {
      JsonNode document = documents.get(index);
      String place = "document " + (index + 1);
      String kind = Documents.text(document, "kind");
      String name = Documents.text(document.get("metadata"), "name");
      if (!API_VERSION.equals(Documents.text(document, "apiVersion"))) {
        error(place, "apiVersion must be " + API_VERSION + ", got " + document.get("apiVersion"));
        continue;
      }
      if (kind == null || name == null) {
        error(place, "needs kind and metadata.name");
        continue;
      }
      place = place + " (" + kind + " " + name + ")";
      if (!KINDS.contains(kind) && !OTHER_KINDS.contains(kind)) {
        error(
            place,
            "unknown kind '"
                + kind
                + "': OpenSLO v1 kinds are SLO, SLI, DataSource, Service, AlertPolicy,"
                + " AlertCondition and AlertNotificationTarget");
        continue;
      }
      if (!KINDS.contains(kind)) {
        unsupported(place, "kind " + kind + " is not imported: Nines reads its own data sources");
        continue;
      }
      reportMetadata(document.get("metadata"), place);
      switch (kind) {
        case "SLO" -> slos.add(Map.entry(place, document));
        case "SLI" -> {
          slis.put(name, document.get("spec"));
          where.put(name, place);
        }
        case "Service" ->
            unsupported(place, "Service is not imported: Nines SLOs name datasets and pipelines");
        default ->
            unsupported(
                place,
                kind
                    + " is not imported: Nines pages and opens tickets on multi-window burn rates"
                    + " (SRE workbook), scaled to each SLO's window");
      }
    }
    ObjectNode result = Documents.object();
    for (Map.Entry<String, JsonNode> slo : slos) {
      String name = Documents.text(slo.getValue().get("metadata"), "name");
      ObjectNode converted = slo(slo.getValue().path("spec"), slo.getKey());
      if (converted != null) {
        result.set(name, converted);
      }
    }
    return new ImportResult(result, issues);
  }

  private void reportMetadata(JsonNode metadata, String place) {
    metadata
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!key.equals("name")) {
                unsupported(place + ": metadata." + key, "not imported");
              }
            });
  }

  private ObjectNode slo(JsonNode spec, String place) {
    int errors = errorCount();
    spec.fieldNames()
        .forEachRemaining(
            key -> {
              if (!SLO_KEYS.contains(key)) {
                unsupported(place + ": spec." + key, "unknown field, not imported");
              }
            });
    ObjectNode slo = Documents.object();
    String description = Documents.text(spec, "description");
    if (description != null) {
      slo.put("description", description);
    }
    if (spec.has("service")) {
      unsupported(
          place + ": spec.service", "not imported: Nines SLOs are about data, not services");
    }
    ObjectNode sli = sli(spec, place, slo);
    JsonNode objective = objective(spec.path("objectives"), place);
    if (sli != null) {
      slo.set("sli", sli);
    }
    if (objective != null) {
      applyObjective(objective, place, slo);
    }
    window(spec.path("timeWindow"), place + ": spec.timeWindow", slo);
    budgeting(spec, place, slo);
    JsonNode policies = spec.path("alertPolicies");
    for (int index = 0; index < policies.size(); index++) {
      unsupported(
          place + ": spec.alertPolicies[" + index + "]",
          "not imported: Nines pages and opens tickets on multi-window burn rates (SRE workbook)");
    }
    return errorCount() > errors ? null : slo;
  }

  private ObjectNode sli(JsonNode spec, String place, ObjectNode slo) {
    JsonNode indicator;
    String path;
    if (spec.has("indicator")) {
      indicator = spec.path("indicator").path("spec");
      path = place + ": spec.indicator.spec";
    } else if (spec.has("indicatorRef")) {
      String ref = Documents.text(spec, "indicatorRef");
      indicator = slis.get(ref);
      if (indicator == null) {
        error(place + ": spec.indicatorRef", "no SLI named '" + ref + "' in these documents");
        return null;
      }
      path = where.get(ref) + ": spec";
    } else {
      error(place + ": spec", "needs indicator or indicatorRef");
      return null;
    }
    if (indicator.has("thresholdMetric")) {
      JsonNode source = source(indicator.path("thresholdMetric"), path + ".thresholdMetric");
      return source == null ? null : thresholdSli(source, spec, place, path);
    }
    if (indicator.has("ratioMetric")) {
      return ratioSli(indicator.path("ratioMetric"), path + ".ratioMetric");
    }
    error(path, "needs thresholdMetric or ratioMetric");
    return null;
  }

  /** The Nines spec of a metric source, or null (reported) when it is not a Nines source. */
  private JsonNode source(JsonNode metric, String path) {
    JsonNode source = metric.path("metricSource");
    String type = Documents.text(source, "type");
    if (!NINES_SOURCE.equals(type)) {
      error(
          path + ".metricSource.type",
          "metric source "
              + (type == null ? "without a type" : "'" + type + "'")
              + " cannot be read by Nines: use type: Nines with the Nines SLI as spec");
      return null;
    }
    if (source.has("metricSourceRef")) {
      unsupported(path + ".metricSource.metricSourceRef", "not imported");
    }
    return source.path("spec");
  }

  private ObjectNode thresholdSli(JsonNode source, JsonNode sloSpec, String place, String path) {
    ObjectNode sli = Documents.object();
    for (String kind : List.of("freshness", "check", "pipeline")) {
      if (source.has(kind)) {
        source.fields().forEachRemaining(field -> sli.set(field.getKey(), field.getValue()));
        return sli;
      }
    }
    if (source.has("dataset") && source.has("metric")) {
      ObjectNode metric = sli.putObject("metric");
      metric.set("dataset", source.get("dataset"));
      metric.set("metric", source.get("metric"));
      JsonNode objective = sloSpec.path("objectives").path(0);
      String op = Documents.text(objective, "op");
      JsonNode value = objective.get("value");
      if (op == null || value == null || !value.isNumber()) {
        error(place + ": spec.objectives[0]", "a threshold metric needs op and a numeric value");
        return null;
      }
      switch (op) {
        case "gte", "gt" -> sli.putObject("good").set("min", value);
        case "lte", "lt" -> sli.putObject("good").set("max", value);
        default -> {
          error(place + ": spec.objectives[0].op", "op must be lte, gte, lt or gt, got " + op);
          return null;
        }
      }
      for (String bound : List.of("min", "max")) {
        if (source.has(bound)) {
          ((ObjectNode) sli.get("good")).set(bound, source.get(bound));
        }
      }
      if (op.length() == 2) {
        unsupported(
            place + ": spec.objectives[0].op",
            op + " is read as " + op + "e: Nines bounds include the value");
      }
      return sli;
    }
    error(
        path + ".metricSource.spec",
        "says neither freshness, check, pipeline nor dataset and metric");
    return null;
  }

  private ObjectNode ratioSli(JsonNode ratio, String path) {
    for (String key : List.of("bad", "raw", "rawType")) {
      if (ratio.has(key)) {
        error(path + "." + key, "not supported: write the ratio as good over total");
        return null;
      }
    }
    if (ratio.has("counter")) {
      unsupported(path + ".counter", "not imported: stored metrics are summed per window");
    }
    ObjectNode sli = Documents.object();
    ObjectNode pair = sli.putObject("ratio");
    for (String side : List.of("good", "total")) {
      JsonNode source = source(ratio.path(side), path + "." + side);
      if (source == null) {
        return null;
      }
      if (!source.has("dataset") || !source.has("metric")) {
        error(path + "." + side + ".metricSource.spec", "needs dataset and metric");
        return null;
      }
      ObjectNode ref = pair.putObject(side);
      ref.set("dataset", source.get("dataset"));
      ref.set("metric", source.get("metric"));
    }
    return sli;
  }

  private JsonNode objective(JsonNode objectives, String place) {
    if (!objectives.isArray() || objectives.isEmpty()) {
      error(place + ": spec.objectives", "needs one objective");
      return null;
    }
    for (int index = 1; index < objectives.size(); index++) {
      unsupported(
          place + ": spec.objectives[" + index + "]",
          "not imported: a Nines SLO has one objective; split it into several SLOs");
    }
    JsonNode objective = objectives.get(0);
    objective
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!OBJECTIVE_KEYS.contains(key)) {
                unsupported(place + ": spec.objectives[0]." + key, "not imported");
              }
            });
    return objective;
  }

  private void applyObjective(JsonNode objective, String place, ObjectNode slo) {
    String path = place + ": spec.objectives[0]";
    JsonNode target = objective.get("target");
    JsonNode percent = objective.get("targetPercent");
    if ((target == null) == (percent == null)) {
      error(path, "needs exactly one of target and targetPercent");
      return;
    }
    BigDecimal value =
        target != null ? target.decimalValue().movePointRight(2) : percent.decimalValue();
    if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) >= 0) {
      error(path, "the target must be above 0% and below 100%, got " + value.toPlainString() + "%");
      return;
    }
    slo.put("objective", value.stripTrailingZeros().toPlainString() + "%");
    JsonNode slice = objective.get("timeSliceWindow");
    if (slice != null) {
      // a bare number is minutes in OpenSLO
      slo.put("slice", slice.isNumber() ? slice.asText() + "m" : slice.asText());
    }
  }

  private void window(JsonNode windows, String path, ObjectNode slo) {
    if (!windows.isArray() || windows.size() != 1) {
      error(path, "needs exactly one time window");
      return;
    }
    JsonNode window = windows.get(0);
    String duration = Documents.text(window, "duration");
    Matcher shorthand = SHORTHAND.matcher(duration == null ? "" : duration.strip());
    if (!shorthand.matches()) {
      error(path + "[0].duration", "expected a duration such as 28d or 1M, got " + duration);
      return;
    }
    JsonNode calendar = window.get("calendar");
    boolean rolling = window.path("isRolling").asBoolean(calendar == null);
    String unit = shorthand.group(2);
    long count = Long.parseLong(shorthand.group(1));
    if (rolling) {
      if (Set.of("M", "Q", "Y").contains(unit)) {
        error(
            path + "[0].duration",
            "a rolling window of " + duration + " has no fixed length: use days");
        return;
      }
      slo.put("window", duration.strip());
      return;
    }
    String period =
        count != 1
            ? null
            : switch (unit) {
              case "w" -> "week";
              case "M" -> "month";
              case "Q" -> "quarter";
              default -> null;
            };
    if (period == null) {
      error(path + "[0].duration", "calendar windows are 1w, 1M or 1Q in Nines, got " + duration);
      return;
    }
    ObjectNode calendarWindow = slo.putObject("window");
    calendarWindow.put("calendar", period);
    String zone = Documents.text(calendar, "timeZone");
    calendarWindow.put("zone", zone == null ? "UTC" : zone);
    if (calendar != null && calendar.has("startTime")) {
      unsupported(
          path + "[0].calendar.startTime",
          "not imported: Nines calendar windows start at local midnight on the period's first day");
    }
  }

  private void budgeting(JsonNode spec, String place, ObjectNode slo) {
    String method = Documents.text(spec, "budgetingMethod");
    if (method == null) {
      return;
    }
    switch (method) {
      case "Occurrences" -> slo.put("budgeting", "occurrences");
      case "Timeslices" -> slo.put("budgeting", "timeslices");
      default ->
          error(
              place + ": spec.budgetingMethod",
              method + " is not supported: use Occurrences or Timeslices");
    }
  }

  private void error(String path, String message) {
    issues.add(new ImportIssue(Level.ERROR, path, message));
  }

  private void unsupported(String path, String message) {
    issues.add(new ImportIssue(Level.UNSUPPORTED, path, message));
  }

  private int errorCount() {
    return (int) issues.stream().filter(issue -> issue.level() == Level.ERROR).count();
  }
}
