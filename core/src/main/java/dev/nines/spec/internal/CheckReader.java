package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.CheckType;
import dev.nines.check.CheckTypes;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import dev.nines.spec.SpecLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code checks:} list of one dataset: the one-key map shape, the type, the common keys;
 * then the type validates its own options and names the check.
 */
final class CheckReader {
  private static final String SHAPE_HINT =
      "write each check as '- type: { options }', e.g. '- row_count: { min: 1 }'";

  private final Fields fields;
  private final CheckTypes types;

  CheckReader(Fields fields, CheckTypes types) {
    this.fields = fields;
    this.types = types;
  }

  List<CheckSpec> readAll(Located list, String dataset) {
    List<CheckSpec> checks = new ArrayList<>();
    if (list.isAbsent()) {
      return checks;
    }
    if (!list.node().isArray()) {
      fields
          .problems()
          .add(
              list.location(),
              list.field(),
              "expected a list of checks, got " + Fields.kind(list.node()),
              SHAPE_HINT);
      return checks;
    }
    Map<String, CheckSpec> byName = new LinkedHashMap<>();
    for (Located item : list.items()) {
      read(item).ifPresent(check -> checks.add(remember(check, byName, dataset)));
    }
    return checks;
  }

  private CheckSpec remember(CheckSpec check, Map<String, CheckSpec> byName, String dataset) {
    if (check.name() == null) {
      return check;
    }
    CheckSpec earlier = byName.putIfAbsent(check.name(), check);
    if (earlier != null) {
      fields
          .problems()
          .add(
              check.location(),
              check.field(),
              "check name '"
                  + check.name()
                  + "' is used twice in dataset "
                  + dataset
                  + " (also at "
                  + earlier.location()
                  + ")",
              "give one of them a name: of its own");
    }
    return check;
  }

  private Optional<CheckSpec> read(Located item) {
    Problems problems = fields.problems();
    if (!item.node().isObject() || item.node().size() != 1) {
      String extra =
          item.node().isObject() && item.node().size() > 1
              ? "; indent the options under the check type"
              : "";
      problems.add(
          item.location(),
          item.field(),
          "a check is a map with one key, the check type, got " + describe(item),
          SHAPE_HINT + extra);
      return Optional.empty();
    }
    Located body = item.members().get(0);
    String typeName = body.key();
    Optional<CheckType> type = types.find(typeName);
    if (type.isEmpty()) {
      problems.add(
          body.keyLocation(),
          item.field(),
          "unknown check '" + typeName + "'" + Suggestions.didYouMean(typeName, types.names()),
          "known checks: " + String.join(", ", types.names()));
      return Optional.empty();
    }
    if (!body.isAbsent() && !body.node().isObject()) {
      fields.wrongKind(body, "a map of " + typeName + " options");
      return Optional.empty();
    }
    return Optional.of(check(item, body, type.get()));
  }

  private CheckSpec check(Located item, Located body, CheckType type) {
    Problems problems = fields.problems();
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    Map<String, SpecLocation> optionLocations = new LinkedHashMap<>();
    for (Located member : body.members()) {
      if (!SpecKeys.CHECK_COMMON.contains(member.key())) {
        options.set(member.key(), member.node().deepCopy());
        optionLocations.put(member.key(), member.keyLocation());
      }
    }
    Located nameValue = body.child("name");
    String name = fields.text(nameValue);
    if (name != null && !fields.validName(name, nameValue, "check")) {
      name = null;
    }
    CheckSpec written =
        new CheckSpec(
            type.name(),
            name,
            fields.text(body.child("description")),
            fields.filter(body.child("where")),
            fields.duration(body.child("timeout")),
            options,
            optionLocations,
            item.field(),
            body.keyLocation());
    int before = problems.size();
    try {
      type.validate(written, problems);
    } catch (RuntimeException e) {
      problems.add(
          written.location(),
          item.field(),
          "check type " + type.name() + " could not read these options: " + e.getMessage());
    }
    if (name != null || problems.size() > before) {
      return written;
    }
    String defaultName;
    try {
      defaultName = type.defaultName(written);
    } catch (RuntimeException e) {
      problems.add(
          written.location(),
          item.field(),
          "check type " + type.name() + " could not name this check: " + e.getMessage(),
          "give it a name:");
      return written;
    }
    return new CheckSpec(
        written.type(),
        defaultName,
        written.description(),
        written.where(),
        written.timeout(),
        written.options(),
        written.optionLocations(),
        written.field(),
        written.location());
  }

  private static String describe(Located item) {
    if (item.node().isObject()) {
      return item.node().isEmpty()
          ? "an empty map"
          : "a map with keys "
              + String.join(", ", item.members().stream().map(Located::key).toList());
    }
    return Fields.kind(item.node());
  }
}
