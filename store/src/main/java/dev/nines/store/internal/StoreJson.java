package dev.nines.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.NinesException;
import dev.nines.observation.Bounds;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.Expectation;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON kept in text columns of the store. The shapes are written out field by field so the
 * stored format stays stable when the core records grow helper methods.
 */
public final class StoreJson {
  private static final TypeReference<List<String>> LINES = new TypeReference<>() {};

  private final ObjectMapper mapper = new ObjectMapper();

  /** A list of strings (details, queries, spec files) as a JSON array. */
  public String writeLines(List<String> lines) {
    return write(mapper.valueToTree(lines == null ? List.of() : lines));
  }

  public List<String> readLines(String json) {
    try {
      return List.copyOf(mapper.readValue(json, LINES));
    } catch (JsonProcessingException e) {
      throw unreadable("a list of lines", e);
    }
  }

  /**
   * An expectation as {@code {fail: {min, max}, warn: {min, max}, unit, text}}; null stays null.
   */
  public String writeExpectation(Expectation expectation) {
    if (expectation == null) {
      return null;
    }
    ObjectNode node = mapper.createObjectNode();
    node.set("fail", bounds(expectation.fail()));
    node.set("warn", bounds(expectation.warn()));
    node.put("unit", expectation.unit());
    node.put("text", expectation.text());
    return write(node);
  }

  public Expectation readExpectation(String json) {
    if (json == null) {
      return null;
    }
    JsonNode node = tree(json, "an expectation");
    return new Expectation(
        bounds(node.get("fail")), bounds(node.get("warn")), text(node, "unit"), text(node, "text"));
  }

  /** The columns of a schema snapshot as an array of objects. */
  public String writeColumns(List<ColumnInfo> columns) {
    var array = mapper.createArrayNode();
    for (ColumnInfo column : columns) {
      ObjectNode node = array.addObject();
      node.put("name", column.name());
      node.put("type", column.type());
      node.put("jdbcType", column.jdbcType());
      node.put("position", column.position());
      node.put("nullable", column.nullable());
    }
    return write(array);
  }

  public List<ColumnInfo> readColumns(String json) {
    JsonNode array = tree(json, "a list of columns");
    List<ColumnInfo> columns = new ArrayList<>();
    for (JsonNode node : array) {
      columns.add(
          new ColumnInfo(
              text(node, "name"),
              text(node, "type"),
              node.path("jdbcType").asInt(),
              node.path("position").asInt(),
              node.path("nullable").asBoolean()));
    }
    return List.copyOf(columns);
  }

  private ObjectNode bounds(Bounds bounds) {
    ObjectNode node = mapper.createObjectNode();
    node.put("min", bounds.min());
    node.put("max", bounds.max());
    return node;
  }

  private static Bounds bounds(JsonNode node) {
    if (node == null || node.isNull()) {
      return Bounds.NONE;
    }
    return new Bounds(number(node, "min"), number(node, "max"));
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private JsonNode tree(String json, String what) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw unreadable(what, e);
    }
  }

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of plain values always serializes; reaching this is a defect.
      throw new IllegalStateException("could not write JSON for the store", e);
    }
  }

  /** Only a hand-edited or damaged store gets here: say so rather than fail obscurely. */
  private static NinesException unreadable(String what, JsonProcessingException e) {
    return new NinesException(
        "The Nines store holds JSON that is not " + what + ": " + e.getOriginalMessage(), e);
  }
}
