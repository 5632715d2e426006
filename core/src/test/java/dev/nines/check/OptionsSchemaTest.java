package dev.nines.check;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

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
    JsonSchema schema =
        FACTORY.getSchema(CheckTypes.builtIn().find(type).orElseThrow().optionsSchema());
    assertThat(schema.validate(check(type, options).options()).isEmpty()).isEqualTo(valid);
  }
}
