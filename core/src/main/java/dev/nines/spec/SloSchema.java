package dev.nines.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.spec.internal.SpecKeys;

/** The JSON Schema definitions of the {@code slos:} section, embedded by {@link SpecSchema}. */
final class SloSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SloSchema() {}

  /** Adds {@code slo}, {@code sli} and {@code metric_ref} to the schema's {@code $defs}. */
  static void addDefinitions(ObjectNode defs) {
    defs.set("slo", slo());
    defs.set("sli", sli());
    defs.set("metric_ref", metricRef());
  }

  private static ObjectNode slo() {
    ObjectNode slo =
        object(
            "A service level objective: what is measured, the share promised, over what window.");
    ObjectNode properties = slo.putObject("properties");
    properties.set("description", text("What is promised, in plain words."));
    properties.set("sli", ref("sli"));
    properties.set(
        "objective",
        anyOf(
            "The share of good events or time promised, below 100%, e.g. 99.5%.",
            NODES
                .objectNode()
                .put("type", "string")
                .put("pattern", "^0*[0-9]{1,2}(\\.[0-9]+)?\\s*%$"),
            NODES
                .objectNode()
                .put("type", "number")
                .put("exclusiveMinimum", 0)
                .put("exclusiveMaximum", 1)));
    ObjectNode calendar = object("A calendar window in a time zone.");
    ObjectNode calendarProperties = calendar.putObject("properties");
    calendarProperties.set("calendar", choice("The calendar period.", "week", "month", "quarter"));
    calendarProperties.set("zone", text("Time zone the calendar is read in (UTC)."));
    calendar.putArray("required").add("calendar");
    calendar.put("additionalProperties", false);
    properties.set(
        "window",
        anyOf("A rolling window such as 28d, or a calendar window.", ref("duration"), calendar));
    properties.set(
        "budgeting",
        choice(
            "Count good events (occurrences) or good time (timeslices); default by SLI kind.",
            "occurrences",
            "timeslices"));
    properties.set("slice", described(ref("duration"), "The length of a time slice (1m)."));
    properties.set(
        "no_data", choice("How time or events without data count (bad).", "bad", "good", "ignore"));
    ArrayNode required = slo.putArray("required");
    required.add("sli").add("objective").add("window");
    slo.put("additionalProperties", false);
    return slo;
  }

  private static ObjectNode sli() {
    ObjectNode sli =
        object(
            "What an SLO measures: exactly one of " + String.join(", ", SpecKeys.SLI_KINDS) + ".");
    ObjectNode properties = sli.putObject("properties");
    properties.set("freshness", text("Dataset: good time while it is no older than max_age."));
    properties.set(
        "check", text("dataset.check: good observations are PASS (and WARN unless warn: bad)."));
    properties.set("pipeline", text("Pipeline: good runs succeeded and on time."));
    properties.set("metric", ref("metric_ref"));
    ObjectNode ratio = object("Good events over all events, from two stored metrics.");
    ObjectNode ratioProperties = ratio.putObject("properties");
    ratioProperties.set("good", ref("metric_ref"));
    ratioProperties.set("total", ref("metric_ref"));
    ratio.putArray("required").add("good").add("total");
    ratio.put("additionalProperties", false);
    properties.set("ratio", ratio);
    properties.set(
        "max_age",
        described(
            ref("duration"),
            "Freshness: the age past which the dataset is stale (its freshness check's fail)."));
    properties.set(
        "max_gap",
        described(
            ref("duration"),
            "Freshness: samples further apart leave the time between unknown (1h)."));
    ObjectNode good = object("Metric: when a value is good.");
    ObjectNode bounds = good.putObject("properties");
    bounds.set("min", NODES.objectNode().put("type", "number"));
    bounds.set("max", NODES.objectNode().put("type", "number"));
    good.put("minProperties", 1);
    good.put("additionalProperties", false);
    properties.set("good", good);
    properties.set("warn", choice("Check: how a WARN counts (good).", "good", "bad"));
    ArrayNode oneOf = sli.putArray("oneOf");
    SpecKeys.SLI_KINDS.forEach(kind -> oneOf.addObject().putArray("required").add(kind));
    sli.put("additionalProperties", false);
    return sli;
  }

  private static ObjectNode metricRef() {
    ObjectNode metric = object("A metric stored for a dataset.");
    ObjectNode properties = metric.putObject("properties");
    properties.set("dataset", ref("name"));
    properties.set("metric", text("The metric's name, e.g. row_count."));
    metric.putArray("required").add("dataset").add("metric");
    metric.put("additionalProperties", false);
    return metric;
  }

  private static ObjectNode choice(String description, String... words) {
    ObjectNode node = text(description);
    ArrayNode values = node.putArray("enum");
    for (String word : words) {
      values.add(word);
    }
    return node;
  }

  private static ObjectNode anyOf(String description, ObjectNode... choices) {
    ObjectNode node = NODES.objectNode().put("description", description);
    ArrayNode anyOf = node.putArray("anyOf");
    for (ObjectNode choice : choices) {
      anyOf.add(choice);
    }
    return node;
  }

  private static ObjectNode described(ObjectNode node, String description) {
    return node.put("description", description);
  }

  private static ObjectNode text(String description) {
    return NODES.objectNode().put("type", "string").put("description", description);
  }

  private static ObjectNode object(String description) {
    return NODES.objectNode().put("type", "object").put("description", description);
  }

  private static ObjectNode ref(String definition) {
    return NODES.objectNode().put("$ref", "#/$defs/" + definition);
  }
}
