package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ObjectNode schemaTree = SpecSchema.build(TestCheckTypes.registry());
  private final JsonSchema schema =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);

  private List<String> errors(JsonNode spec) {
    return schema.validate(spec).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  @Test
  void the_full_sample_spec_is_valid_against_the_schema() throws Exception {
    JsonNode sample = YAML.readTree(getClass().getResource("/spec/full.yml"));

    assertThat(errors(sample)).isEmpty();
  }

  @Test
  void a_bad_spec_is_rejected_at_each_mistake() throws Exception {
    JsonNode bad =
        YAML.readTree(
            """
            sources:
              warehouse: { user: me, max_connections: 0 }
            datasets:
              orders:
                source: warehouse
                tabel: orders
                every: 15 minutes
                checks:
                  - fresness: { fail: 24h }
                  - freshness: { fail: 24h, colour: red }
                  - row_count: { min: 1 }
                    max: 2
              both: { source: warehouse, table: a, query: "select 1", every: 1h, cron: "0 * * * *" }
            store: { url: "jdbc:h2:mem:s", pasword: x }
            sorces: {}
            """);

    assertThat(String.join("\n", errors(bad)))
        .contains("$.sources.warehouse: required property 'url' not found")
        .contains("$.sources.warehouse.max_connections")
        .contains("$.datasets.orders: property 'tabel' is not defined in the schema")
        .contains("$.datasets.orders.every")
        .contains("$.datasets.orders.checks[0]: property 'fresness' is not defined")
        .contains("$.datasets.orders.checks[1].freshness: property 'colour' is not defined")
        .contains("$.datasets.orders.checks[2]: must have at most 1 properties")
        .contains("$.datasets.both: must be valid to one and only one schema")
        .contains("$.datasets.both: must not be valid to the schema")
        .contains("$.store: property 'pasword' is not defined")
        .contains("$: property 'sorces' is not defined");
  }

  @Test
  void a_bad_slo_is_rejected_at_each_mistake() throws Exception {
    JsonNode bad =
        YAML.readTree(
            """
            slos:
              both: { sli: { freshness: orders, pipeline: load }, objective: 99%, window: 28d }
              none: { sli: { max_age: 1h }, objective: 100%, window: { calendar: year } }
              loose: { sli: { check: orders.x }, objective: 99%, window: 28d, no_data: maybe, budgeting: events }
              partial: { sli: { freshness: orders } }
            """);

    assertThat(String.join("\n", errors(bad)))
        .contains("$.slos.both.sli: must be valid to one and only one schema")
        .contains("$.slos.none.sli: must be valid to one and only one schema")
        .contains("$.slos.none.objective")
        .contains("$.slos.none.window")
        .contains("$.slos.loose.no_data: does not have a value in the enumeration")
        .contains("$.slos.loose.budgeting: does not have a value in the enumeration")
        .contains("$.slos.partial: required property 'objective' not found")
        .contains("$.slos.partial: required property 'window' not found");
  }

  @Test
  void a_bad_pipeline_is_rejected_at_each_mistake() throws Exception {
    JsonNode bad =
        YAML.readTree(
            """
            pipelines:
              load_orders:
                job: { namespace: airflow, nmae: x }
                jobs: [a]
                grace: half an hour
                min_rows: -1
                few_rows: { ratio: 50, last: 3 }
                outputs: orders
              refresh:
                job: crm.refresh_*
                few_rows: false
            """);

    assertThat(String.join("\n", errors(bad)))
        .contains("$.pipelines.load_orders.job: property 'nmae' is not defined")
        .contains("$.pipelines.load_orders.job: required property 'name' not found")
        .contains("$.pipelines.load_orders: must not be valid to the schema")
        .contains("$.pipelines.load_orders.grace")
        .contains("$.pipelines.load_orders.min_rows")
        .contains("$.pipelines.load_orders.few_rows.ratio")
        .contains("$.pipelines.load_orders.few_rows: property 'last' is not defined")
        .contains("$.pipelines.load_orders.outputs: string found, array expected")
        .doesNotContain("$.pipelines.refresh");
  }

  @Test
  void the_schema_is_itself_a_valid_draft_2020_12_schema() {
    // the validator ships the meta-schema, so this reads no network
    JsonSchema metaSchema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SpecSchema.DIALECT));

    assertThat(metaSchema.validate(schemaTree)).isEmpty();
    ObjectNode broken = schemaTree.deepCopy();
    broken.put("type", "objekt");
    assertThat(metaSchema.validate(broken)).isNotEmpty();
  }

  /** A schema that is one of the shared definitions, with the others beside it. */
  private JsonSchema definition(String name) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", SpecSchema.DIALECT);
    root.set("$defs", schemaTree.get("$defs"));
    root.put("$ref", "#/$defs/" + name);
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
  }

  @Test
  void shared_definitions_accept_the_value_formats_of_the_spec() {
    JsonSchema counts = definition("count_or_percent");
    JsonSchema durations = definition("duration");

    for (String valid : List.of("0", "25", "\"30%\"", "\"0.5 %\"", "\"${MAX_MISSING}\"")) {
      assertThat(counts.validate(valid, InputFormat.JSON)).as(valid).isEmpty();
    }
    for (String invalid : List.of("-1", "1.5", "\"lots\"", "\"30\"")) {
      assertThat(counts.validate(invalid, InputFormat.JSON)).as(invalid).isNotEmpty();
    }
    for (String valid : List.of("500ms", "30s", "1h30m", "7D", "PT1H", "${TIMEOUT:-5m}")) {
      assertThat(durations.validate("\"" + valid + "\"", InputFormat.JSON)).as(valid).isEmpty();
    }
    for (String invalid : List.of("15 minutes", "soon", "12")) {
      assertThat(durations.validate("\"" + invalid + "\"", InputFormat.JSON))
          .as(invalid)
          .isNotEmpty();
    }
  }

  @Test
  void the_schema_declares_its_dialect_and_describes_its_fields() {
    assertThat(schemaTree.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schemaTree.at("/$defs/source/properties/url/description").asText())
        .startsWith("JDBC url");
    assertThat(schemaTree.at("/$defs/check_freshness/description").asText())
        .isEqualTo("Test stand-in for freshness.");
    assertThat(schemaTree.at("/$defs/check_freshness/properties/timeout/$ref").asText())
        .isEqualTo("#/$defs/duration");
    assertThat(schemaTree.at("/$defs/check_freshness/required/0").asText()).isEqualTo("fail");
    assertThat(schemaTree.at("/$defs/dataset/additionalProperties").asBoolean(true)).isFalse();
    assertThat(SpecSchema.toPrettyString(TestCheckTypes.registry()))
        .startsWith("{")
        .contains("\n  \"$schema\" : ");
  }
}
