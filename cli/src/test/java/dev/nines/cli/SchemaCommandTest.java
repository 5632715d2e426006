package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {
  @TempDir Path dir;

  @Test
  void schema_prints_one_json_schema_document() throws Exception {
    Cli.Outcome outcome = new Cli(dir).run("schema");

    assertThat(outcome.exitCode()).isZero();
    JsonNode schema = new ObjectMapper().readTree(outcome.out());
    assertThat(schema.get("$schema").asText()).contains("json-schema.org");
    assertThat(schema.at("/properties/sources").isMissingNode()).isFalse();
    assertThat(schema.at("/properties/datasets").isMissingNode()).isFalse();
    assertThat(outcome.err()).isEmpty();
  }
}
