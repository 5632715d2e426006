package dev.nines.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.CheckType;
import dev.nines.check.CheckTypes;
import dev.nines.spec.internal.SpecKeys;
import java.io.UncheckedIOException;

/**
 * The JSON Schema (draft 2020-12) of a spec file as written, before {@code ${VAR}} interpolation,
 * for editors and {@code nines schema}. The loader remains the judge: it also checks references
 * between entries, which a schema cannot.
 *
 * <p>A check type's {@link CheckType#optionsSchema()} may refer to the shared definitions {@code
 * #/$defs/duration}, {@code #/$defs/percent}, {@code #/$defs/count_or_percent}, {@code
 * #/$defs/name} and {@code #/$defs/env}; it should not carry {@code $defs} of its own, because it
 * is embedded in this schema.
 */
public final class SpecSchema {
  /** The JSON Schema dialect the schema declares. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ENV_PATTERN = "^\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}$";
  private static final String DURATION_PATTERN =
      "^\\s*([0-9]+(\\.[0-9]+)?\\s*([mM][sS]|[sSmMhHdDwW])\\s*)+$|^[pP][0-9A-Za-z.]+$";
  private static final String PLAIN = "[A-Za-z_][A-Za-z0-9_$]{0,127}";

  private SpecSchema() {}

  /** The schema as a tree. */
  public static ObjectNode build(CheckTypes types) {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", DIALECT);
    schema.put("title", "Nines spec");
    schema.put(
        "description",
        "Sources, datasets and their checks; later sections are accepted as written.");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.set(
        SpecKeys.SOURCES, namedMap("Databases reached over JDBC, by name.", ref("source")));
    properties.set(
        SpecKeys.DATASETS,
        namedMap("Tables, views, queries or files and their checks, by name.", ref("dataset")));
    properties.set(SpecKeys.STORE, ref("store"));
    for (String section : SpecKeys.LATER) {
      properties.set(
          section,
          object("The " + section + " section; its format comes with a later version of Nines."));
    }
    // pipelines is also kept raw for older readers, but has a format of its own
    properties.set(
        SpecKeys.PIPELINES,
        namedMap(
            "Jobs that produce datasets and what is expected of their runs.", ref("pipeline")));
    properties.set(
        SpecKeys.CONSUMERS,
        namedMap("Stakeholders and the agreements made with them.", ref("consumer")));
    properties.set(SpecKeys.INCIDENTS, incidents());
    properties.set(
        SpecKeys.SLOS,
        namedMap(
            "Service level objectives: what is measured, the share promised, over what window.",
            ref("slo")));
    properties.set("notify", NotifySchema.section());
    schema.put("additionalProperties", false);
    ObjectNode defs = schema.putObject("$defs");
    defs.set("env", envReference());
    defs.set("duration", duration());
    defs.set("percent", percent());
    defs.set("count_or_percent", countOrPercent());
    defs.set("name", name());
    defs.set("source", source());
    defs.set("store", store());
    defs.set("dataset", dataset());
    defs.set("pipeline", pipeline());
    defs.set("job", job());
    defs.set("remediation", remediation());
    defs.set("check", check(types));
    defs.set("consumer", consumer());
    defs.set("severity", severity());
    SloSchema.addDefinitions(defs);
    for (CheckType type : types.all()) {
      defs.set("check_" + type.name(), checkOptions(type));
    }
    return schema;
  }

  /** The schema as indented JSON text. */
  public static String toPrettyString(CheckTypes types) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(build(types));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode source() {
    ObjectNode source = object("A database reached over JDBC.");
    ObjectNode properties = source.putObject("properties");
    properties.set("url", text("JDBC url, e.g. jdbc:postgresql://db:5432/analytics."));
    properties.set("user", text("User name."));
    properties.set("password", text("Password; write ${VAR} to take it from the environment."));
    ObjectNode driverProperties = object("Extra JDBC driver properties.");
    driverProperties.set("additionalProperties", scalar());
    properties.set("properties", driverProperties);
    properties.set("connect_timeout", described(ref("duration"), "Connection wait (10s)."));
    properties.set("query_timeout", described(ref("duration"), "Statement timeout (5m)."));
    properties.set(
        "max_connections", positiveInteger("Most queries run at once on this source (2)."));
    properties.set("timezone", text("Zone of timestamp columns without one (UTC)."));
    source.putArray("required").add("url");
    source.put("additionalProperties", false);
    return source;
  }

  private static ObjectNode store() {
    ObjectNode store = object("Where Nines keeps its history (an H2 file under .nines/).");
    ObjectNode properties = store.putObject("properties");
    properties.set("url", text("JDBC url of an H2 or PostgreSQL database."));
    properties.set("user", text("User name."));
    properties.set("password", text("Password; write ${VAR} to take it from the environment."));
    store.putArray("required").add("url");
    store.put("additionalProperties", false);
    return store;
  }

  private static ObjectNode dataset() {
    ObjectNode dataset = object("A table, view, query or file in a source, with its checks.");
    ObjectNode properties = dataset.putObject("properties");
    properties.set("source", described(ref("name"), "Name of a source under sources."));
    properties.set(
        "table",
        anyOf(
            "Table or view, optionally qualified as schema.table.",
            pattern("^" + PLAIN + "(\\." + PLAIN + "){0,2}$"),
            ref("env")));
    properties.set("query", text("A SELECT checked as if it were a table."));
    properties.set("file", text("Parquet, CSV or JSON path or glob (DuckDB sources only)."));
    properties.set("owner", text("Team or person responsible."));
    ObjectNode tags = NODES.objectNode().put("description", "Free labels.").put("type", "array");
    tags.set("items", scalar());
    properties.set("tags", tags);
    properties.set("description", text("What the data is."));
    properties.set("every", described(ref("duration"), "How often a server runs the checks."));
    properties.set("cron", text("Cron schedule, instead of every."));
    properties.set("where", text("SQL condition applied to every check (a partition)."));
    properties.set("runbook", text("Runbook link or text shown with its incidents."));
    ObjectNode checks =
        NODES.objectNode().put("description", "Checks, in order.").put("type", "array");
    checks.set("items", ref("check"));
    properties.set("checks", checks);
    dataset.putArray("required").add("source");
    ArrayNode oneKind = dataset.putArray("oneOf");
    for (String kind : SpecKeys.DATASET_KINDS) {
      oneKind.addObject().putArray("required").add(kind);
    }
    dataset.putObject("not").putArray("required").add("every").add("cron");
    dataset.put("additionalProperties", false);
    return dataset;
  }

  private static ObjectNode pipeline() {
    ObjectNode pipeline = object("A job that produces datasets, and what is expected of its runs.");
    ObjectNode properties = pipeline.putObject("properties");
    properties.set("job", ref("job"));
    ObjectNode jobs =
        NODES
            .objectNode()
            .put("description", "Several OpenLineage jobs whose runs are this pipeline's runs.")
            .put("type", "array")
            .put("minItems", 1);
    jobs.set("items", ref("job"));
    properties.set("jobs", jobs);
    properties.set(
        "schedule",
        text(
            "Cron schedule (minute hour day-of-month month day-of-week) or @hourly, @daily,"
                + " @weekly, @monthly."));
    properties.set("timezone", text("Zone the schedule is read in (UTC)."));
    properties.set(
        "grace",
        described(
            ref("duration"),
            "How late after its scheduled time a run may start (15m, or half the time between runs)."));
    properties.set("max_duration", described(ref("duration"), "How long a run may take."));
    properties.set(
        "deadline",
        described(
            ref("duration"),
            "How long after its scheduled time a run must have completed (grace + max_duration)."));
    ObjectNode outputs =
        NODES.objectNode().put("description", "Datasets it writes.").put("type", "array");
    outputs.set("items", ref("name"));
    properties.set("outputs", outputs);
    ObjectNode inputs =
        NODES
            .objectNode()
            .put("description", "Datasets it reads: what it writes is downstream of them.")
            .put("type", "array");
    inputs.set("items", ref("name"));
    properties.set("inputs", inputs);
    properties.set(
        "min_rows",
        anyOf(
            "Fewer rows written is a data failure (1; 0 accepts empty runs).",
            NODES.objectNode().put("type", "integer").put("minimum", 0),
            ref("env")));
    ObjectNode fewRowsRule = object("Fewer rows than ratio × the median of the last runs fails.");
    ObjectNode fewRowsOptions = fewRowsRule.putObject("properties");
    fewRowsOptions.set("ratio", described(ref("percent"), "Share of the median (50%)."));
    fewRowsOptions.set("runs", positiveInteger("Successful runs the median is taken over (10)."));
    fewRowsOptions.set("min_runs", positiveInteger("Runs needed before it judges (3)."));
    fewRowsRule.put("additionalProperties", false);
    properties.set(
        "few_rows",
        anyOf(
            "The learned unusually-few-rows rule; false turns it off.",
            fewRowsRule,
            NODES.objectNode().put("type", "boolean")));
    properties.set("owner", text("Team or person responsible."));
    ObjectNode tags = NODES.objectNode().put("description", "Free labels.").put("type", "array");
    tags.set("items", scalar());
    properties.set("tags", tags);
    properties.set("description", text("What the pipeline does."));
    properties.set("remediation", ref("remediation"));
    pipeline.putObject("not").putArray("required").add("job").add("jobs");
    pipeline.put("additionalProperties", false);
    return pipeline;
  }

  private static ObjectNode remediation() {
    ObjectNode remediation =
        object("How to fix what the pipeline produces: one of airflow, webhook or runbook.");
    ObjectNode properties = remediation.putObject("properties");
    ObjectNode airflow = object("Re-trigger an Airflow DAG run through its REST API.");
    ObjectNode airflowOptions = airflow.putObject("properties");
    airflowOptions.set("url", text("Airflow base url, e.g. http://airflow:8080."));
    airflowOptions.set("dag", text("The DAG id."));
    airflowOptions.set("user", text("User for basic auth."));
    airflowOptions.set("password", text("Password; write ${VAR} to take it from the environment."));
    airflowOptions.set("token", text("Bearer token, instead of user and password."));
    airflowOptions.set("conf", object("Run configuration; the incident id is added to it."));
    ObjectNode version = NODES.objectNode().put("description", "v1 (Airflow 2) or v2 (Airflow 3).");
    version.putArray("enum").add("v1").add("v2");
    airflowOptions.set("api_version", version);
    airflow.putArray("required").add("url").add("dag");
    airflow.put("additionalProperties", false);
    properties.set("airflow", airflow);
    ObjectNode webhook = object("POST the incident as JSON, signed with HMAC-SHA256 if secret.");
    ObjectNode webhookOptions = webhook.putObject("properties");
    webhookOptions.set("url", text("The url to call."));
    webhookOptions.set("secret", text("Signing secret; write ${VAR}."));
    webhook.putArray("required").add("url");
    webhook.put("additionalProperties", false);
    properties.set("webhook", webhook);
    properties.set("runbook", text("A runbook link or text: shown, nothing runs."));
    properties.set(
        "automatic",
        anyOf(
            "Run it when an incident opens or reopens (false: offered, run on request).",
            NODES.objectNode().put("type", "boolean"),
            ref("env")));
    properties.set("max_attempts", positiveInteger("Automatic attempts per incident (1)."));
    ArrayNode oneAction = remediation.putArray("oneOf");
    for (String action : SpecKeys.REMEDIATION_ACTIONS) {
      oneAction.addObject().putArray("required").add(action);
    }
    remediation.put("additionalProperties", false);
    return remediation;
  }

  private static ObjectNode consumer() {
    ObjectNode consumer = object("A stakeholder who uses data, and what was promised to them.");
    ObjectNode properties = consumer.putObject("properties");
    properties.set("about", text("Who they are and what they use the data for."));
    properties.set("owner", text("Team or person speaking for them."));
    ObjectNode agreement = object("A promise, and the datasets, checks and pipelines it covers.");
    ObjectNode terms = agreement.putObject("properties");
    terms.set("promise", text("The promise as said, e.g. orders is never older than 24 hours."));
    terms.set("datasets", names("Datasets whose failing checks touch it."));
    terms.set("checks", names("Single checks as dataset.check."));
    terms.set("pipelines", names("Pipelines whose failures touch it."));
    terms.set("slos", names("SLO names (kept for a later version)."));
    terms.set("remediation", text("A pipeline whose remediation applies, or free text."));
    agreement.putArray("required").add("promise");
    agreement.put("additionalProperties", false);
    ObjectNode agreements =
        NODES.objectNode().put("description", "What was promised.").put("type", "array");
    agreements.set("items", agreement);
    properties.set("agreements", agreements);
    properties.set(
        "breach", described(ref("severity"), "Severity of incidents touching it (SEV2)."));
    properties.set("notify", names("Channels that hear about incidents touching it."));
    consumer.put("additionalProperties", false);
    return consumer;
  }

  private static ObjectNode incidents() {
    ObjectNode incidents = object("How incidents resolve, reopen, escalate and get a severity.");
    ObjectNode properties = incidents.putObject("properties");
    properties.set(
        "auto_resolve_after",
        positiveInteger("Consecutive passing observations that resolve an incident (2)."));
    properties.set(
        "reopen_within",
        described(ref("duration"), "A failure this soon after resolution reopens it (1h)."));
    ObjectNode escalate = object("Unresolved this long at a level: one level more urgent.");
    ObjectNode levels = escalate.putObject("properties");
    for (String level : new String[] {"SEV2", "SEV3", "INFO"}) {
      levels.set(level, ref("duration"));
    }
    escalate.put("additionalProperties", false);
    properties.set("escalate", escalate);
    ObjectNode rule = object("When every condition set matches, the severity it gives.");
    ObjectNode ruleProperties = rule.putObject("properties");
    ObjectNode when = object("Conditions; a list matches when any of its values does.");
    ObjectNode conditions = when.putObject("properties");
    for (String key : SpecKeys.SEVERITY_WHEN) {
      conditions.set(key, anyOf("One value or a list.", scalarText(), names("Values.")));
    }
    when.put("additionalProperties", false);
    ruleProperties.set("when", when);
    ruleProperties.set("severity", ref("severity"));
    rule.putArray("required").add("severity");
    rule.put("additionalProperties", false);
    ObjectNode rules =
        NODES
            .objectNode()
            .put("description", "Severity rules; the first match wins, then the default policy.")
            .put("type", "array");
    rules.set("items", rule);
    properties.set("severity", rules);
    incidents.put("additionalProperties", false);
    return incidents;
  }

  private static ObjectNode severity() {
    ObjectNode severity =
        NODES
            .objectNode()
            .put("description", "SEV1 page now · SEV2 next business day · SEV3 next sprint · INFO")
            .put("type", "string");
    severity.put("pattern", "^([sS][eE][vV][123]|[iI][nN][fF][oO])$");
    return severity;
  }

  private static ObjectNode names(String description) {
    ObjectNode list = NODES.objectNode().put("description", description).put("type", "array");
    list.set("items", scalarText());
    return list;
  }

  private static ObjectNode scalarText() {
    return NODES.objectNode().put("type", "string");
  }

  private static ObjectNode job() {
    ObjectNode identity = object("An OpenLineage job identity; * matches any characters.");
    ObjectNode properties = identity.putObject("properties");
    properties.set("namespace", text("Job namespace, e.g. airflow (any when left out)."));
    properties.set("name", text("Job name, e.g. orders_dag.load_orders or orders_dag.*."));
    identity.putArray("required").add("name");
    identity.put("additionalProperties", false);
    return anyOf("A job name, or a map with namespace and name.", text("Job name."), identity);
  }

  private static ObjectNode check(CheckTypes types) {
    ObjectNode check = object("A check: a map with one key, the check type, and its options.");
    check.put("minProperties", 1).put("maxProperties", 1);
    ObjectNode properties = check.putObject("properties");
    for (CheckType type : types.all()) {
      properties.set(type.name(), ref("check_" + type.name()));
    }
    check.put("additionalProperties", false);
    return check;
  }

  /** The type's options schema with the common check keys added beside its own. */
  private static ObjectNode checkOptions(CheckType type) {
    ObjectNode options = type.optionsSchema().deepCopy();
    if (!options.has("description")) {
      options.put("description", type.summary());
    }
    boolean required = options.path("required").isArray() && !options.path("required").isEmpty();
    if (required) {
      options.put("type", "object");
    } else {
      // "- schema:" with nothing after it is a check with default options
      options.putArray("type").add("object").add("null");
    }
    ObjectNode properties = options.withObject("/properties");
    properties.set("name", described(ref("name"), "Unique name in the dataset; kept in history."));
    properties.set("description", text("What this check protects."));
    properties.set("where", text("SQL condition ANDed with the dataset's where."));
    properties.set("timeout", described(ref("duration"), "Statement timeout of its queries."));
    return options;
  }

  private static ObjectNode namedMap(String description, ObjectNode entry) {
    ObjectNode map = object(description);
    map.set("propertyNames", ref("name"));
    map.set("additionalProperties", entry);
    return map;
  }

  private static ObjectNode envReference() {
    return pattern(ENV_PATTERN)
        .put("description", "An environment variable: ${NAME} or ${NAME:-default}.");
  }

  private static ObjectNode duration() {
    return anyOf(
        "A duration: 500ms, 30s, 15m, 12h, 7d, 2w, 1h30m or ISO-8601 such as PT1H.",
        pattern(DURATION_PATTERN),
        ref("env"));
  }

  private static ObjectNode percent() {
    return anyOf(
        "A percentage such as 30% or 0.5%.", pattern("^-?[0-9]+(\\.[0-9]+)?\\s*%$"), ref("env"));
  }

  private static ObjectNode countOrPercent() {
    ObjectNode count = NODES.objectNode().put("type", "integer").put("minimum", 0);
    return anyOf("A number of rows, or a percentage of them such as 1%.", count, ref("percent"));
  }

  private static ObjectNode name() {
    return pattern("^[A-Za-z_][A-Za-z0-9_-]{0,127}$")
        .put("description", "Letters, digits, _ and -, starting with a letter or _.");
  }

  private static ObjectNode positiveInteger(String description) {
    ObjectNode integer = NODES.objectNode().put("type", "integer").put("minimum", 1);
    return anyOf(description, integer, ref("env"));
  }

  private static ObjectNode anyOf(String description, ObjectNode... choices) {
    ObjectNode node = NODES.objectNode().put("description", description);
    ArrayNode anyOf = node.putArray("anyOf");
    for (ObjectNode choice : choices) {
      anyOf.add(choice);
    }
    return node;
  }

  private static ObjectNode pattern(String regex) {
    return NODES.objectNode().put("type", "string").put("pattern", regex);
  }

  private static ObjectNode text(String description) {
    return NODES.objectNode().put("type", "string").put("description", description);
  }

  private static ObjectNode scalar() {
    ObjectNode scalar = NODES.objectNode();
    scalar.putArray("type").add("string").add("number").add("boolean");
    return scalar;
  }

  private static ObjectNode object(String description) {
    return NODES.objectNode().put("type", "object").put("description", description);
  }

  private static ObjectNode ref(String definition) {
    return NODES.objectNode().put("$ref", "#/$defs/" + definition);
  }

  private static JsonNode described(ObjectNode node, String description) {
    // 2020-12 allows keywords beside $ref, so a reference can carry its own description
    return node.put("description", description);
  }
}
