package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./nines} launcher and the shaded jar, run as a user would: from another directory, in
 * a separate process. Failsafe runs after {@code package}, so the jar is fresh and the launcher
 * does not rebuild it.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private Result launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("nines").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("NINES_DEBUG");
    // never start a nested Maven build from inside this one
    builder.environment().put("NINES_SKIP_BUILD", "1");
    builder.redirectOutput(dir.resolve("out.txt").toFile());
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void launcher_runs_the_jar_from_any_directory() throws Exception {
    Result result = launch("version");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("nines 0.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void the_packaged_quickstart_reports_in_json_with_a_quiet_stderr() throws Exception {
    Path spec = ROOT.resolve("examples/quickstart/nines.yml");

    Result result = launch("check", "-c", spec.toString(), "--format", "json", "--no-store");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.at("/summary/failed").asInt()).isEqualTo(2);
    assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
    // a loaded machine may make the run slow enough for plain progress lines; nothing else
    assertThat(result.err().lines())
        .allSatisfy(line -> assertThat(line).matches("checking \\w+ \\(\\d+/\\d+\\)"));
    assertThat(dir.resolve(".nines")).doesNotExist();
  }

  @Test
  void bad_usage_from_the_packaged_jar_has_no_stack_trace() throws Exception {
    Result result = launch("check", "-c", "missing.yml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("missing.yml").doesNotContain("\tat ");
  }
}
