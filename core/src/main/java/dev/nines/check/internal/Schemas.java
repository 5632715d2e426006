package dev.nines.check.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Small builders for the JSON Schemas of check options. */
public final class Schemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String DEFS = "#/$defs/";

  private Schemas() {}

  /** A closed object with the given properties, in order. */
  public static ObjectNode object(Map<String, ObjectNode> properties, String... required) {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    properties.forEach(props::set);
    if (required.length > 0) {
      ArrayNode names = schema.putArray("required");
      for (String name : required) {
        names.add(name);
      }
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  public static ObjectNode described(ObjectNode schema, String description) {
    return schema.put("description", description);
  }

  public static ObjectNode duration(String description) {
    return ref("duration", description);
  }

  /** A number, or an environment variable that holds one. */
  public static ObjectNode number(String description) {
    ObjectNode schema = JSON.objectNode().put("description", description);
    ArrayNode anyOf = schema.putArray("anyOf");
    anyOf.addObject().put("type", "number");
    anyOf.addObject().put("$ref", DEFS + "env");
    return schema;
  }

  public static ObjectNode percent(String description) {
    return ref("percent", description);
  }

  /** A count of rows or a percentage of rows. */
  public static ObjectNode limit(String description) {
    return ref("count_or_percent", description);
  }

  /**
   * A reference to a definition the spec's schema shares with every check type: {@code env}, {@code
   * duration}, {@code percent}, {@code count_or_percent}.
   */
  private static ObjectNode ref(String definition, String description) {
    return JSON.objectNode().put("$ref", DEFS + definition).put("description", description);
  }

  public static ObjectNode text(String description) {
    return JSON.objectNode()
        .put("type", "string")
        .put("minLength", 1)
        .put("description", description);
  }

  public static ObjectNode column(String description) {
    return JSON.objectNode()
        .put("type", "string")
        .put("pattern", "^[A-Za-z_][A-Za-z0-9_$]{0,127}$")
        .put("description", description);
  }

  public static ObjectNode columns(String description) {
    ObjectNode schema =
        JSON.objectNode().put("type", "array").put("minItems", 1).put("description", description);
    schema.set("items", column("a column"));
    return schema;
  }

  public static ObjectNode list(ObjectNode items, String description) {
    ObjectNode schema = JSON.objectNode().put("type", "array").put("description", description);
    schema.set("items", items);
    return schema;
  }

  public static ObjectNode enumeration(String description, String... values) {
    ObjectNode schema = JSON.objectNode().put("type", "string").put("description", description);
    ArrayNode allowed = schema.putArray("enum");
    for (String value : values) {
      allowed.add(value);
    }
    return schema;
  }

  public static ObjectNode bool(String description) {
    return JSON.objectNode().put("type", "boolean").put("description", description);
  }

  /** Numbers or texts. */
  public static ObjectNode scalar(String description) {
    ObjectNode schema = JSON.objectNode().put("description", description);
    ArrayNode types = schema.putArray("type");
    types.add("string").add("number").add("boolean");
    return schema;
  }
}
