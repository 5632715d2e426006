package dev.nines.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.CheckType;
import dev.nines.check.CheckTypes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Small stand-ins for the real check types, enough to exercise the loader: known options, required
 * options, durations and default names.
 */
final class TestCheckTypes {
  private TestCheckTypes() {}

  static CheckTypes registry() {
    return CheckTypes.of(
        List.of(
            new Simple(
                "freshness",
                List.of("fail"),
                List.of("column", "warn"),
                List.of("fail", "warn"),
                spec -> "freshness"),
            new Simple(
                "row_count",
                List.of(),
                List.of("min", "max", "warn"),
                List.of(),
                spec -> "row_count"),
            new Simple(
                "missing",
                List.of("column"),
                List.of("values", "max", "warn"),
                List.of(),
                spec -> "missing_" + spec.options().get("column").asText()),
            new Simple(
                "reference",
                List.of("column", "references"),
                List.of("max_missing", "warn"),
                List.of(),
                spec -> "reference_" + spec.options().get("column").asText()),
            new Simple(
                "schema", List.of(), List.of("fail_on", "warn_on"), List.of(), spec -> "schema"),
            new Simple("sql", List.of("query"), List.of("min", "max"), List.of(), null)));
  }

  /** Options as listed; a null default name means the spec must give {@code name:}. */
  record Simple(
      String name,
      List<String> required,
      List<String> optional,
      List<String> durations,
      Function<CheckSpec, String> namer)
      implements CheckType {

    @Override
    public String summary() {
      return "Test stand-in for " + name + ".";
    }

    @Override
    public ObjectNode optionsSchema() {
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      ObjectNode schema = nodes.objectNode().put("type", "object");
      ObjectNode properties = schema.putObject("properties");
      for (String key : required) {
        properties.set(key, option(key));
      }
      for (String key : optional) {
        properties.set(key, option(key));
      }
      if (!required.isEmpty()) {
        required.forEach(schema.withArray("/required")::add);
      }
      schema.put("additionalProperties", false);
      return schema;
    }

    private ObjectNode option(String key) {
      ObjectNode option = JsonNodeFactory.instance.objectNode();
      if (durations.contains(key)) {
        option.put("$ref", "#/$defs/duration");
      }
      return option;
    }

    @Override
    public String defaultName(CheckSpec spec) {
      return namer.apply(spec);
    }

    @Override
    public void validate(CheckSpec spec, Problems problems) {
      String prefix = spec.field() + "." + name + ".";
      for (Map.Entry<String, JsonNode> option : spec.options().properties()) {
        String key = option.getKey();
        if (!required.contains(key) && !optional.contains(key)) {
          problems.add(spec.locationOf(key), prefix + key, "unknown option '" + key + "'");
        } else if (durations.contains(key)) {
          try {
            Values.duration(option.getValue().asText());
          } catch (IllegalArgumentException e) {
            problems.add(spec.locationOf(key), prefix + key, e.getMessage());
          }
        }
      }
      for (String key : required) {
        if (!spec.options().has(key)) {
          problems.add(spec.location(), prefix + key, name + " needs '" + key + "'");
        }
      }
      if (namer == null && spec.name() == null) {
        problems.add(spec.location(), spec.field() + ".name", name + " checks need a name");
      }
    }
  }
}
