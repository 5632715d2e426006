package dev.nines.server.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.store.LineageEventKind;
import dev.nines.store.LineageEventRecord;
import dev.nines.store.LineageFacts;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads OpenLineage 2-0-2 events into store records with the OpenLineage Java model. A RunEvent has
 * run and job, a DatasetEvent a dataset, a JobEvent a job without run.
 */
public final class LineageParser {
  private static final Set<String> EVENT_TYPES =
      Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

  private final ObjectMapper mapper = OpenLineageClientUtils.newObjectMapper();

  /** The body as a JSON tree. */
  public JsonNode readTree(byte[] body) {
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new InvalidEvent("the body is empty: send an OpenLineage event as JSON");
      }
      return tree;
    } catch (IOException e) {
      throw new InvalidEvent("malformed JSON: " + shortMessage(e));
    }
  }

  /** One event, validated; {@link InvalidEvent} says what is wrong. */
  public ParsedEvent parse(JsonNode event, DatasetNames names) {
    if (!event.isObject()) {
      throw new InvalidEvent("an event must be a JSON object, was " + event.getNodeType());
    }
    Instant eventTime = eventTime(event);
    String producer = requiredText(event, "producer");
    String payload = event.toString();
    if (event.has("run")) {
      return runEvent(event, eventTime, producer, payload, names);
    }
    if (event.has("dataset")) {
      OpenLineage.DatasetEvent parsed = convert(event, OpenLineage.DatasetEvent.class);
      String namespace = requiredText(event.path("dataset"), "dataset.namespace", "namespace");
      String name = requiredText(event.path("dataset"), "dataset.name", "name");
      LineageEventRecord record =
          LineageEventRecord.ofDataset(namespace, name, eventTime, producer, payload);
      return new ParsedEvent(
          record, FactsExtractor.ofDataset(parsed.getDataset(), eventTime, names));
    }
    if (event.has("job")) {
      OpenLineage.JobEvent parsed = convert(event, OpenLineage.JobEvent.class);
      String namespace = requiredText(event.path("job"), "job.namespace", "namespace");
      String name = requiredText(event.path("job"), "job.name", "name");
      LineageEventRecord record =
          LineageEventRecord.ofJob(namespace, name, eventTime, producer, payload);
      return new ParsedEvent(
          record,
          FactsExtractor.ofDatasets(parsed.getInputs(), parsed.getOutputs(), eventTime, names));
    }
    throw new InvalidEvent(
        "not an OpenLineage event: a RunEvent has run and job, a DatasetEvent has dataset, a"
            + " JobEvent has job");
  }

  private ParsedEvent runEvent(
      JsonNode event, Instant eventTime, String producer, String payload, DatasetNames names) {
    JsonNode run = event.get("run");
    if (!run.isObject()) {
      throw new InvalidEvent("run must be an object with runId");
    }
    UUID runId = runId(run);
    if (!event.has("job")) {
      throw new InvalidEvent("job is required in a RunEvent: {namespace, name}");
    }
    String jobNamespace = requiredText(event.get("job"), "job.namespace", "namespace");
    String jobName = requiredText(event.get("job"), "job.name", "name");
    String eventType = eventType(event);
    OpenLineage.RunEvent parsed = convert(event, OpenLineage.RunEvent.class);
    RunFacetValues facets = RunFacetValues.of(parsed.getRun().getFacets());
    LineageFacts facts =
        FactsExtractor.ofDatasets(parsed.getInputs(), parsed.getOutputs(), eventTime, names);
    LineageEventRecord record =
        new LineageEventRecord(
            "run|" + runId + "|" + eventType + "|" + eventTime,
            LineageEventKind.RUN,
            runId,
            eventType,
            eventTime,
            jobNamespace,
            jobName,
            facets.parentRunId(),
            facets.nominalStart(),
            facets.nominalEnd(),
            facets.errorMessage(),
            facets.stackTrace(),
            FactsExtractor.rowsWritten(parsed.getOutputs()),
            producer,
            payload);
    return new ParsedEvent(record, facts);
  }

  private static Instant eventTime(JsonNode event) {
    String text = requiredText(event, "eventTime");
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidEvent(
          "eventTime must be an ISO-8601 time with offset such as 2026-03-01T02:00:00Z, was '"
              + text
              + "'");
    }
  }

  private static UUID runId(JsonNode run) {
    JsonNode id = run.get("runId");
    if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) {
      throw new InvalidEvent("run.runId is required");
    }
    try {
      return UUID.fromString(id.asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidEvent("run.runId must be a UUID, was '" + id.asText() + "'");
    }
  }

  /** Optional in the spec: an event without a type tells nothing of the run's progress. */
  private static String eventType(JsonNode event) {
    JsonNode type = event.get("eventType");
    if (type == null || type.isNull()) {
      return "OTHER";
    }
    if (!type.isTextual() || !EVENT_TYPES.contains(type.asText())) {
      throw new InvalidEvent(
          "eventType must be one of "
              + EVENT_TYPES.stream().sorted().collect(Collectors.joining(", "))
              + ", was "
              + type);
    }
    return type.asText();
  }

  private static String requiredText(JsonNode parent, String field) {
    return requiredText(parent, field, field);
  }

  private static String requiredText(JsonNode parent, String path, String field) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidEvent(path + " is required");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidEvent(path + " must be a non-empty string");
    }
    return value.asText();
  }

  private <T> T convert(JsonNode event, Class<T> type) {
    try {
      return mapper.treeToValue(event, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidEvent("the event does not follow the OpenLineage spec: " + shortMessage(e));
    }
  }

  private static String shortMessage(Exception e) {
    if (e instanceof JsonMappingException mapping) {
      String path =
          mapping.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : "[" + reference.getIndex() + "]")
              .collect(Collectors.joining("."));
      String message = firstLine(mapping.getOriginalMessage());
      return path.isEmpty() ? message : "at " + path + ": " + message;
    }
    if (e instanceof JsonProcessingException processing) {
      String message = firstLine(processing.getOriginalMessage());
      var location = processing.getLocation();
      return location == null
          ? message
          : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
