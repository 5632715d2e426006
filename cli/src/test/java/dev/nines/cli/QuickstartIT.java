package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart a newcomer runs first must show exactly the faults it promises. */
class QuickstartIT {
  private static final Path QUICKSTART =
      Path.of("..", "examples", "quickstart", "nines.yml").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void quickstart_shows_one_freshness_fail_one_duplicates_fail_and_one_system_error()
      throws Exception {
    assertThat(QUICKSTART).exists();

    Cli.Outcome outcome =
        new Cli(dir).run("check", "-c", QUICKSTART.toString(), "--format", "json", "--no-store");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    JsonNode observations = new ObjectMapper().readTree(outcome.out()).get("observations");
    List<String> failures = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode observation : observations) {
      String label = observation.get("dataset").asText() + "." + observation.get("check").asText();
      switch (observation.get("status").asText()) {
        case "FAIL" -> failures.add(observation.get("check_type").asText() + " " + label);
        case "ERROR" -> {
          errors.add(label);
          assertThat(observation.get("kind").asText()).isEqualTo("SYSTEM");
          assertThat(observation.get("error_category").asText()).isEqualTo("CONNECTION");
        }
        default -> assertThat(observation.get("kind").asText()).isEqualTo("DATA");
      }
    }
    assertThat(failures)
        .containsExactlyInAnyOrder(
            "freshness orders.freshness", "duplicates orders.duplicates_order_id");
    assertThat(errors).containsExactly("crm_contacts.row_count");
    assertThat(observations.size()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void quickstart_table_tells_data_failures_from_the_system_error() throws Exception {
    Cli.Outcome outcome =
        new Cli(dir).run("check", "-c", QUICKSTART.toString(), "--store", store());

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.out())
        .containsPattern("FAIL +freshness +DATA")
        .containsPattern("FAIL +duplicates_order_id +DATA")
        .containsPattern("ERROR +row_count +SYSTEM .*CONNECTION")
        .containsPattern("2 failed \\(data\\), 1 error \\(system\\)");
    assertThat(Files.exists(dir.resolve("store.mv.db"))).isTrue();
  }

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
  }
}
