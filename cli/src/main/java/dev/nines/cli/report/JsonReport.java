package dev.nines.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Observation;
import dev.nines.run.RunResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The machine-readable report. Its shape is a contract: keys are snake_case, always present (null
 * when unknown), and only ever added to.
 */
public final class JsonReport implements ReportWriter {
  /** Bumped only if a key changes meaning or goes away. */
  public static final int FORMAT_VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(CheckReport report, PrintWriter out) {
    try {
      out.println(mapper.writeValueAsString(document(report)));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  ObjectNode document(CheckReport report) {
    RunResult result = report.result();
    ObjectNode root = mapper.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("run_id", result.runId() == null ? null : result.runId().toString());
    root.put("started_at", text(result.startedAt()));
    root.put("finished_at", text(result.finishedAt()));
    root.put("exit_code", report.exitCode());
    Summary summary = Summary.of(result);
    ObjectNode counts = root.putObject("summary");
    counts.put("checks", summary.checks());
    counts.put("passed", summary.passed());
    counts.put("warnings", summary.warnings());
    counts.put("failed", summary.failed());
    counts.put("errors", summary.errors());
    ObjectNode store = root.putObject("store");
    store.put("saved", report.saved());
    store.put("error", report.storeProblem());
    ArrayNode observations = root.putArray("observations");
    for (Observation observation : result.observations()) {
      observations.add(observation(observation));
    }
    return root;
  }

  private ObjectNode observation(Observation observation) {
    ObjectNode node = mapper.createObjectNode();
    node.put("dataset", observation.dataset());
    node.put("check", observation.check());
    node.put("check_type", observation.checkType());
    node.put("status", name(observation.status()));
    node.put("kind", name(observation.kind()));
    node.put("error_category", name(observation.errorCategory()));
    node.put("value", observation.value());
    Expectation expectation = observation.expectation();
    node.put("unit", expectation == null ? null : expectation.unit());
    if (expectation == null) {
      node.putNull("expected");
    } else {
      ObjectNode expected = node.putObject("expected");
      bounds(expected.putObject("fail"), expectation.fail());
      bounds(expected.putObject("warn"), expectation.warn());
      expected.put("text", ValueText.expected(expectation));
    }
    node.put("message", observation.message());
    ArrayNode details = node.putArray("details");
    observation.details().forEach(details::add);
    ArrayNode queries = node.putArray("queries");
    observation.queries().forEach(queries::add);
    node.put("observed_at", text(observation.observedAt()));
    Duration elapsed = observation.elapsed();
    node.put("elapsed_ms", elapsed == null ? null : elapsed.toMillis());
    return node;
  }

  private static void bounds(ObjectNode node, Bounds bounds) {
    node.put("min", bounds.min());
    node.put("max", bounds.max());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
