package dev.nines.slo.interop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing the YAML of the standards, with messages that name the place. */
final class Documents {
  static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build())
          .build();

  private Documents() {}

  /** Every document of a multi-document YAML text; empty documents are skipped. */
  static List<JsonNode> readAll(String text, String what) {
    List<JsonNode> documents = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(text);
        MappingIterator<JsonNode> iterator = YAML.readValues(parser, JsonNode.class)) {
      while (iterator.hasNextValue()) {
        JsonNode document = iterator.nextValue();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw new InteropException(
          what
              + " is not valid YAML"
              + (location == null
                  ? ""
                  : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
              + ": "
              + summary(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InteropException(what + " could not be read: " + e.getMessage());
    }
    return documents;
  }

  /** The parser's message without its multi-line excerpt of the text. */
  private static String summary(String message) {
    return message
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .reduce((first, second) -> first + "; " + second)
        .orElse(message);
  }

  /** One YAML document, block style, without the leading {@code ---}. */
  static String write(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  static ObjectNode object() {
    return YAML.createObjectNode();
  }

  /** Text of a scalar, or null when absent or not a scalar. */
  static String text(JsonNode node, String key) {
    JsonNode value = node == null ? null : node.get(key);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
