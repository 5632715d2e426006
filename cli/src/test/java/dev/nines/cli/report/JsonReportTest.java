package dev.nines.cli.report;

import static dev.nines.cli.report.Fixtures.error;
import static dev.nines.cli.report.Fixtures.fail;
import static dev.nines.cli.report.Fixtures.pass;
import static dev.nines.cli.report.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static JsonNode json(CheckReport report) throws Exception {
    StringWriter text = new StringWriter();
    new JsonReport().write(report, new PrintWriter(text));
    return new ObjectMapper().readTree(text.toString());
  }

  @Test
  void document_carries_run_summary_exit_code_and_every_observation_field() throws Exception {
    JsonNode json =
        json(
            Fixtures.report(
                pass("orders", "row_count", 120),
                fail("orders", "freshness", "late"),
                error("crm", "row_count", "refused")));

    assertThat(json.get("run_id").asText()).isEqualTo(Fixtures.RUN_ID.toString());
    assertThat(json.get("started_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(json.get("finished_at").asText()).isEqualTo("2026-01-02T03:04:07Z");
    assertThat(json.get("exit_code").asInt()).isEqualTo(2);
    assertThat(json.at("/summary/checks").asInt()).isEqualTo(3);
    assertThat(json.at("/summary/passed").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/failed").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
    assertThat(json.at("/store/saved").asBoolean()).isTrue();

    JsonNode freshness = json.at("/observations/1");
    assertThat(freshness.get("dataset").asText()).isEqualTo("orders");
    assertThat(freshness.get("check").asText()).isEqualTo("freshness");
    assertThat(freshness.get("check_type").asText()).isEqualTo("freshness");
    assertThat(freshness.get("status").asText()).isEqualTo("FAIL");
    assertThat(freshness.get("kind").asText()).isEqualTo("DATA");
    assertThat(freshness.get("error_category").isNull()).isTrue();
    assertThat(freshness.get("value").asDouble()).isEqualTo(172_800.0);
    assertThat(freshness.get("unit").asText()).isEqualTo("seconds");
    assertThat(freshness.at("/expected/fail/max").asDouble()).isEqualTo(86_400.0);
    assertThat(freshness.at("/expected/warn/max").asDouble()).isEqualTo(43_200.0);
    assertThat(freshness.at("/expected/fail/min").isNull()).isTrue();
    assertThat(freshness.get("details").get(0).asText()).startsWith("newest loaded_at");
    assertThat(freshness.get("queries").get(0).asText()).contains("max(loaded_at)");
    assertThat(freshness.get("elapsed_ms").asLong()).isEqualTo(20);

    JsonNode refused = json.at("/observations/2");
    assertThat(refused.get("kind").asText()).isEqualTo("SYSTEM");
    assertThat(refused.get("error_category").asText()).isEqualTo("CONNECTION");
    assertThat(refused.get("value").isNull()).isTrue();
  }

  @Test
  void a_store_failure_shows_in_the_document() throws Exception {
    JsonNode json =
        json(new CheckReport(result(pass("orders", "row_count", 1)), 2, false, "disk full"));

    assertThat(json.get("exit_code").asInt()).isEqualTo(2);
    assertThat(json.at("/store/saved").asBoolean()).isFalse();
    assertThat(json.at("/store/error").asText()).isEqualTo("disk full");
  }
}
