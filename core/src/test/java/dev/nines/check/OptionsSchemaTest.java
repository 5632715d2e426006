package dev.nines.check;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OptionsSchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  /**
   * Stand-ins for the definitions the spec's schema shares with check types, so an options schema
   * can be checked on its own.
   */
  private static final String SHARED_DEFINITIONS =
      """
      {
        "env": {"type": "string", "pattern": "^\\\\$\\\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\\\}$"},
        "duration": {"anyOf": [
          {"type": "string", "pattern": "^\\\\s*([0-9]+(\\\\.[0-9]+)?\\\\s*(ms|s|m|h|d|w)\\\\s*)+$|^P.+$"},
          {"$ref": "#/$defs/env"}]},
        "percent": {"anyOf": [
          {"type": "string", "pattern": "^-?[0-9]+(\\\\.[0-9]+)?\\\\s*%$"}, {"$ref": "#/$defs/env"}]},
        "count_or_percent": {"anyOf": [
          {"type": "integer", "minimum": 0}, {"$ref": "#/$defs/percent"}]}
      }
      """;

  private static JsonSchema schemaOf(CheckType type) {
    try {
      ObjectNode root = type.optionsSchema().deepCopy();
      root.set("$defs", new ObjectMapper().readTree(SHARED_DEFINITIONS));
      return FACTORY.getSchema(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static java.util.List<CheckType> types() {
    return CheckTypes.builtIn().all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void every_options_schema_is_a_valid_json_schema(CheckType type) {
    JsonSchema meta = FACTORY.getSchema(URI.create("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(type.optionsSchema())).isEmpty();
    assertThat(type.summary()).endsWith(".");
  }

  @ParameterizedTest(name = "{0} {1} accepted: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "freshness | {column: loaded_at, warn: 12h, fail: 24h} | true",
        "freshness | {column: loaded_at} | false",
        "freshness | {column: loaded_at, fail: soon} | false",
        "freshness | {column: loaded_at, fail: '${MAX_AGE}'} | true",
        "volume_change | {max_drop: 30} | false",
        "row_count | {min: 1000} | true",
        "row_count | {minimum: 1000} | false",
        "volume_change | {max_drop: 30%, max_growth: 200%} | true",
        "missing | {column: customer_id, max: 0} | true",
        "missing | {column: customer_id, max: '5%'} | true",
        "duplicates | {columns: [order_id]} | true",
        "valid | {column: amount, min: 0} | true",
        "metric | {column: amount, stat: mode} | false",
        "sql | {query: 'select count(*) from orders where total < 0', max: 0} | true",
      })
  void options_schemas_accept_the_documented_examples(String type, String options, boolean valid) {
    JsonSchema schema = schemaOf(CheckTypes.builtIn().find(type).orElseThrow());
    assertThat(schema.validate(check(type, options).options()).isEmpty()).isEqualTo(valid);
  }
}
