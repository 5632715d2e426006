package dev.nines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.NinesException;
import dev.nines.store.PipelineRunRecord;
import dev.nines.store.PipelineRunState;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Sends a {@code nines run} report to a running server's REST API. */
final class RunReporter {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  RunReporter(String baseUrl, Map<String, String> environment) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = environment.get("NINES_API_KEY");
  }

  PipelineRunRecord report(RunCommand command) {
    ObjectNode body = json.createObjectNode();
    String path;
    switch (command.action) {
      case start -> {
        path =
            "/api/v1/pipelines/"
                + URLEncoder.encode(command.pipeline, StandardCharsets.UTF_8).replace("+", "%20")
                + "/runs";
        if (command.runId != null) {
          body.put("runId", command.runId.toString());
        }
      }
      case complete -> path = "/api/v1/runs/" + command.runId + "/complete";
      default -> {
        path = "/api/v1/runs/" + command.runId + "/fail";
        if (command.message != null) {
          body.put("message", command.message);
        }
      }
    }
    if (command.rows != null) {
      body.put("rowsWritten", command.rows);
    }
    JsonNode answer = post(path, body.toString());
    return new PipelineRunRecord(
        UUID.fromString(answer.get("runId").asText()),
        answer.path("jobNamespace").asText(null),
        answer.path("jobName").asText(null),
        null,
        PipelineRunState.valueOf(answer.get("state").asText()),
        null,
        null,
        null,
        null,
        null,
        answer.path("errorMessage").asText(null),
        null,
        answer.hasNonNull("rowsWritten") ? answer.get("rowsWritten").asLong() : null,
        answer.path("eventCount").asInt(),
        null);
  }

  private JsonNode post(String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      throw new NinesException("cannot reach the Nines server at " + baseUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NinesException("interrupted while reporting to " + baseUrl, e);
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (IOException e) {
      throw new NinesException(
          "the server at " + baseUrl + " answered " + response.statusCode() + " without JSON", e);
    }
    if (response.statusCode() >= 300) {
      throw new NinesException(
          "the server refused the report ("
              + response.statusCode()
              + "): "
              + answer.path("detail").asText(response.body()));
    }
    return answer;
  }
}
