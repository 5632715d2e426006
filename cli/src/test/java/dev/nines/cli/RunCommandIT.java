package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.server.NinesServer;
import dev.nines.server.ServerOptions;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import dev.nines.store.PipelineRunRecord;
import dev.nines.store.PipelineRunState;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nines run} reporting to the store directly and to a running server; serve's refusals. */
class RunCommandIT {
  static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  @TempDir Path dir;

  @BeforeEach
  void writeSpec() throws IOException {
    Files.writeString(
        dir.resolve("nines.yml"),
        "store:\n  url: "
            + store()
            + "\n"
            + """
            pipelines:
              load_orders:
                job: { namespace: airflow, name: orders_dag.load_orders }
            """);
  }

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
  }

  @Test
  void start_prints_the_run_id_and_complete_ends_the_run_with_its_rows() {
    Cli cli = new Cli(dir).clock(Clock.fixed(T0, ZoneOffset.UTC));
    Cli.Outcome started = cli.run("run", "start", "--pipeline", "load_orders");
    String runId = started.out().strip();
    Cli later = new Cli(dir).clock(Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC));
    Cli.Outcome completed = later.run("run", "complete", "--run-id", runId, "--rows", "500");

    assertThat(started.exitCode()).as(started.toString()).isZero();
    assertThat(UUID.fromString(runId)).isNotNull();
    assertThat(completed.exitCode()).as(completed.toString()).isZero();
    assertThat(completed.out()).isEqualTo("run " + runId + " COMPLETE\n");
    try (NinesStore store = NinesStore.open(new StoreSpec(store(), null, null))) {
      PipelineRunRecord run = store.pipelineRun(UUID.fromString(runId)).orElseThrow();
      assertThat(run.jobNamespace()).isEqualTo("airflow");
      assertThat(run.duration()).isEqualTo(Duration.ofSeconds(90));
      assertThat(run.rowsWritten()).isEqualTo(500);
    }
  }

  @Test
  void fail_keeps_the_message() {
    String runId = new Cli(dir).run("run", "start", "--pipeline", "backup").out().strip();

    Cli.Outcome failed =
        new Cli(dir).run("run", "fail", "--run-id", runId, "--message", "disk full");

    assertThat(failed.out()).isEqualTo("run " + runId + " FAIL\n");
    try (NinesStore store = NinesStore.open(new StoreSpec(store(), null, null))) {
      PipelineRunRecord run = store.pipelineRun(UUID.fromString(runId)).orElseThrow();
      assertThat(run.state()).isEqualTo(PipelineRunState.FAIL);
      assertThat(run.errorMessage()).isEqualTo("disk full");
      assertThat(run.jobName()).isEqualTo("backup");
    }
  }

  @Test
  void complete_needs_a_run_id_and_a_known_run() {
    Cli.Outcome noId = new Cli(dir).run("run", "complete");
    Cli.Outcome unknown =
        new Cli(dir).run("run", "complete", "--run-id", UUID.randomUUID().toString());

    assertThat(noId.exitCode()).isEqualTo(2);
    assertThat(noId.err()).contains("needs --run-id");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: no run ").doesNotContain("\tat ");
  }

  @Test
  void reports_go_to_a_running_server_with_the_api_key() {
    ServerOptions options =
        new ServerOptions(
            List.of(dir.resolve("nines.yml")),
            "127.0.0.1",
            0,
            Clock.systemUTC(),
            Map.of("NINES_API_KEY", "k1"),
            Duration.ofSeconds(5));
    try (NinesServer server = NinesServer.start(options)) {
      String url = "http://127.0.0.1:" + server.port();
      Cli withKey = new Cli(dir).env("NINES_API_KEY", "k1");

      Cli.Outcome started =
          withKey.run("run", "start", "--pipeline", "load_orders", "--server", url);
      String runId = started.out().strip();
      Cli.Outcome completed = withKey.run("run", "complete", "--run-id", runId, "--server", url);
      Cli.Outcome refused =
          new Cli(dir).run("run", "start", "--pipeline", "load_orders", "--server", url);

      assertThat(started.exitCode()).as(started.toString()).isZero();
      assertThat(completed.out()).isEqualTo("run " + runId + " COMPLETE\n");
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err()).contains("(401)");
    }
  }

  @Test
  void serve_refuses_a_port_in_use_with_a_message() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      Cli.Outcome outcome =
          new Cli(dir)
              .run(
                  "serve", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(outcome.exitCode()).isEqualTo(2);
      assertThat(outcome.err()).contains("Cannot start the server").doesNotContain("\tat ");
    }
  }

  @Test
  void serve_refuses_an_invalid_spec() throws IOException {
    Files.writeString(dir.resolve("nines.yml"), "nonsense: {}\n");

    Cli.Outcome outcome = new Cli(dir).run("serve", "--port", "0");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("the spec is invalid");
  }
}
