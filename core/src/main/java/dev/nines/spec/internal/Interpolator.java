package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.spec.Problems;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in every text value of a document with values
 * from the environment; {@code $${} writes a literal {@code ${}. {@code ${NINES_SPEC_DIR}} is the
 * absolute folder of the file being read.
 */
public final class Interpolator {
  /** The built-in variable naming the folder of the spec file being read. */
  public static final String SPEC_DIR = "NINES_SPEC_DIR";

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\$\\{[^}]*}");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  private final Map<String, String> environment;
  private final Problems problems;
  private final Secrets secrets;

  public Interpolator(Map<String, String> environment, Problems problems, Secrets secrets) {
    this.environment = environment;
    this.problems = problems;
    this.secrets = secrets;
  }

  /** Interpolates every text value of the document in place. */
  public void interpolate(LocatedDocument document, String specDir) {
    walk(document.cursor(), specDir);
  }

  private void walk(Located here, String specDir) {
    JsonNode node = here.node();
    if (node instanceof ObjectNode object) {
      for (Located member : here.members()) {
        JsonNode replaced = replacement(member, specDir);
        if (replaced != null) {
          object.set(member.key(), replaced);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int index = 0; index < array.size(); index++) {
        JsonNode replaced = replacement(here.item(index), specDir);
        if (replaced != null) {
          array.set(index, replaced);
        }
      }
    }
  }

  /** The new value of a member or element, or null when it stays as it is. */
  private JsonNode replacement(Located value, String specDir) {
    if (!value.node().isTextual()) {
      walk(value, specDir);
      return null;
    }
    String text = value.node().textValue();
    boolean secretKey = Secrets.isSecretName(value.key());
    if (!text.contains("$")) {
      if (secretKey) {
        secrets.add(text);
      }
      return null;
    }
    String expanded = expand(text, value, specDir);
    if (secretKey) {
      secrets.add(expanded);
    }
    return WHOLE_REFERENCE.matcher(text).matches()
        ? typed(expanded)
        : JsonNodeFactory.instance.textNode(expanded);
  }

  private String expand(String text, Located value, String specDir) {
    StringBuilder result = new StringBuilder();
    int index = 0;
    while (index < text.length()) {
      if (text.startsWith("$${", index)) {
        result.append("${");
        index += 3;
      } else if (text.startsWith("${", index)) {
        int end = text.indexOf('}', index + 2);
        if (end < 0) {
          problems.add(
              value.location(),
              value.field(),
              "'${' is not closed",
              "write ${NAME} or ${NAME:-default}, or $${ for a literal ${");
          return text;
        }
        result.append(resolve(text.substring(index + 2, end), value, specDir));
        index = end + 1;
      } else {
        result.append(text.charAt(index));
        index++;
      }
    }
    return result.toString();
  }

  private String resolve(String expression, Located value, String specDir) {
    int separator = expression.indexOf(":-");
    String name = separator < 0 ? expression : expression.substring(0, separator);
    String fallback = separator < 0 ? null : expression.substring(separator + 2);
    if (!VARIABLE_NAME.matcher(name).matches()) {
      problems.add(
          value.location(),
          value.field(),
          "'${" + name + "}' is not a valid environment variable reference",
          "variable names are letters, digits and _; write ${NAME} or ${NAME:-default}");
      return "";
    }
    String found = name.equals(SPEC_DIR) ? specDir : environment.get(name);
    if (found != null && Secrets.isSecretName(name)) {
      secrets.add(found);
    }
    if (found != null && !found.isEmpty()) {
      return found;
    }
    if (fallback != null) {
      return fallback;
    }
    if (found != null) {
      return found;
    }
    problems.add(
        value.location(),
        value.field(),
        "environment variable " + name + " is not set",
        "set it, or write ${" + name + ":-default}");
    return "";
  }

  /**
   * A value that was a single reference takes the type YAML would have given it, so {@code min:
   * ${MIN_ROWS}} is a number; only when the text reads back unchanged (a password {@code 007} stays
   * text).
   */
  private static JsonNode typed(String value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value.equals("true") || value.equals("false")) {
      return nodes.booleanNode(Boolean.parseBoolean(value));
    }
    if (INTEGER.matcher(value).matches() && new BigInteger(value).toString().equals(value)) {
      BigInteger number = new BigInteger(value);
      return number.bitLength() < 32
          ? nodes.numberNode(number.intValue())
          : number.bitLength() < 64
              ? nodes.numberNode(number.longValue())
              : nodes.numberNode(number);
    }
    if (DECIMAL.matcher(value).matches()
        && Double.toString(Double.parseDouble(value)).equals(value)) {
      return nodes.numberNode(Double.parseDouble(value));
    }
    return nodes.textNode(value);
  }
}
