package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTest {
  @TempDir Path dir;

  @Test
  void an_unknown_command_is_bad_usage_with_a_suggestion() {
    Cli.Outcome outcome = new Cli(dir).run("chek");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("'chek'").contains("nines check").doesNotContain("at dev.");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void an_unknown_option_is_bad_usage_naming_the_option() {
    Cli.Outcome outcome = new Cli(dir).run("check", "--formatt", "json");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--formatt").contains("nines check --help");
  }

  @Test
  void an_unknown_format_lists_the_known_ones() {
    Cli.Outcome outcome = new Cli(dir).run("check", "--format", "xml");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("xml").contains("table, json, junit");
  }

  @Test
  void no_command_is_bad_usage_and_shows_the_commands() {
    Cli.Outcome outcome = new Cli(dir).run();

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("check").contains("validate").contains("history");
  }

  @Test
  void check_help_documents_the_exit_codes() {
    Cli.Outcome outcome = new Cli(dir).run("check", "--help");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out())
        .contains("Exit codes:")
        .containsPattern("0 +every check passed")
        .containsPattern("1 +a check found bad data")
        .containsPattern("2 +a check could not run");
  }

  @Test
  void every_command_with_subcommands_answers_help_with_them() {
    for (String command : List.of("incidents", "slo", "report", "silence", "notify", "contract")) {
      Cli.Outcome outcome = new Cli(dir).run(command, "--help");
      assertThat(outcome.exitCode()).as(command + " --help: " + outcome).isZero();
      assertThat(outcome.out()).as(command).contains("Usage: nines " + command);
    }
  }

  @Test
  void version_prints_the_project_version() {
    Cli.Outcome outcome = new Cli(dir).run("version");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).startsWith("nines 0.").doesNotContain("${project.version}");
  }

  @Test
  void without_a_spec_file_the_error_says_how_to_give_one() {
    Cli.Outcome outcome = new Cli(dir).run("check");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("nines.yml").contains("-c FILE_OR_DIR");
  }

  @Test
  void a_missing_spec_file_is_named() {
    Cli.Outcome outcome = new Cli(dir).run("validate", "-c", "nowhere.yml");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("nowhere.yml").doesNotContain("at dev.");
  }
}
