package dev.nines.spec.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.nines.spec.Problems;
import dev.nines.spec.SpecLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML file into a Jackson tree while remembering where every key and value was written,
 * which Jackson's own tree model forgets. Duplicate keys and aliases are reported, not resolved.
 */
public final class YamlTreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final YAMLFactory factory =
      YAMLFactory.builder()
          // "yes", "no", "on" and "off" stay text: only true and false are booleans
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          // "- schema:" with nothing after it is null, not empty text
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build();
  private final Problems problems;

  public YamlTreeReader(Problems problems) {
    this.problems = problems;
  }

  /** The parsed file, or empty after adding a problem when it cannot be read or parsed. */
  public Optional<LocatedDocument> read(Path path, String file) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return Optional.of(new Walk(file).document(factory.createParser(reader)));
    } catch (MalformedException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      if (hasCause(e, CharacterCodingException.class)) {
        notUtf8(file);
      } else {
        problems.add(
            syntaxLocation(e, file), "", syntaxMessage(e), "check indentation and quoting");
      }
      return Optional.empty();
    } catch (CharacterCodingException e) {
      notUtf8(file);
      return Optional.empty();
    } catch (IOException e) {
      problems.add(new SpecLocation(file, 0, 0), "", "cannot read the file: " + describe(e));
      return Optional.empty();
    }
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private void notUtf8(String file) {
    problems.add(
        new SpecLocation(file, 0, 0), "", "the file is not UTF-8 text", "save it as UTF-8");
  }

  private static String describe(IOException e) {
    String type = e.getClass().getSimpleName();
    return switch (type) {
      case "NoSuchFileException" -> "it does not exist";
      case "AccessDeniedException" -> "permission denied";
      default -> e.getMessage() == null ? type : e.getMessage();
    };
  }

  private static SpecLocation syntaxLocation(JsonProcessingException e, String file) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      // at the end of the file, where the unclosed quote or bracket began says more
      Mark mark =
          endOfFile(marked) && marked.getContextMark() != null
              ? marked.getContextMark()
              : marked.getProblemMark();
      return new SpecLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
    JsonLocation location = e.getLocation();
    return location == null
        ? new SpecLocation(file, 0, 0)
        : new SpecLocation(file, location.getLineNr(), location.getColumnNr());
  }

  private static String syntaxMessage(JsonProcessingException e) {
    String text = null;
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      text = plainWords(marked.getProblem());
    }
    if (text == null) {
      text = e.getOriginalMessage();
    }
    // the first line only: later lines are parser internals and source excerpts
    String firstLine = text == null ? "" : text.strip().lines().findFirst().orElse("");
    return "invalid YAML: " + firstLine;
  }

  private static boolean endOfFile(MarkedYAMLException marked) {
    String problem = String.valueOf(marked.getProblem());
    return problem.startsWith("found unexpected end of stream") || problem.endsWith("<stream end>");
  }

  /** The parser's words for the usual mistakes, said the way a person would. */
  private static String plainWords(String problem) {
    if (problem.startsWith("expected <block end>")) {
      return "this line is not indented like the lines around it";
    } else if (problem.startsWith("mapping values are not allowed")) {
      return "a ':' where no key can start; quote text that contains ': ' or ends with ':'"
          + " (such as \"jdbc:duckdb:\")";
    } else if (problem.startsWith("found unexpected end of stream")) {
      return "this quote is not closed before the end of the file";
    } else if (problem.endsWith("<stream end>")) {
      return "this bracket is not closed before the end of the file";
    } else if (problem.contains("(TAB)")) {
      return "tabs cannot indent YAML, use spaces";
    }
    return problem;
  }

  /** Thrown to stop one file after a structural problem was recorded. */
  private static final class MalformedException extends RuntimeException {
    MalformedException() {
      super(null, null, false, false);
    }
  }

  /** State of reading one file. */
  private final class Walk {
    private final String file;
    private final Map<String, SpecLocation> values = new HashMap<>();
    private final Map<String, SpecLocation> keys = new HashMap<>();

    Walk(String file) {
      this.file = file;
    }

    LocatedDocument document(YAMLParser parser) throws IOException {
      try (parser) {
        JsonToken first = parser.nextToken();
        JsonNode root;
        if (first == null) {
          root = NODES.objectNode();
          values.put("", new SpecLocation(file, 1, 1));
        } else {
          root = value(parser, "", "");
        }
        if (parser.nextToken() != null) {
          problems.add(
              location(parser.currentTokenLocation()),
              "",
              "a spec file holds one YAML document, this one has more",
              "move each document after --- into its own file");
        }
        return new LocatedDocument(file, root, values, keys);
      }
    }

    private JsonNode value(YAMLParser parser, String pointer, String field) throws IOException {
      SpecLocation here = location(parser.currentTokenLocation());
      values.put(pointer, here);
      if (parser.isCurrentAlias()) {
        problems.add(
            here,
            field,
            "YAML aliases (*" + parser.getText() + ") are not supported",
            "repeat the value instead");
        return NODES.nullNode();
      }
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> object(parser, pointer, field);
        case START_ARRAY -> array(parser, pointer, field);
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> integer(parser);
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> {
          problems.add(here, field, "this kind of YAML value is not supported here");
          yield NODES.nullNode();
        }
      };
    }

    private JsonNode integer(YAMLParser parser) throws IOException {
      return switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
    }

    private ObjectNode object(YAMLParser parser, String pointer, String field) throws IOException {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        SpecLocation keyLocation = location(parser.currentTokenLocation());
        String childPointer = pointer + "/" + Located.escape(key);
        String childField = field.isEmpty() ? key : field + "." + key;
        parser.nextToken();
        if (object.has(key)) {
          problems.add(
              keyLocation,
              childField,
              "duplicate key '" + key + "' (first written at " + keys.get(childPointer) + ")",
              "keep one of them");
          value(parser, pointer + "/~duplicate", childField);
          continue;
        }
        keys.put(childPointer, keyLocation);
        object.set(key, value(parser, childPointer, childField));
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw malformed(parser, field);
      }
      return object;
    }

    private ArrayNode array(YAMLParser parser, String pointer, String field) throws IOException {
      ArrayNode array = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == null) {
          throw malformed(parser, field);
        }
        int index = array.size();
        array.add(value(parser, pointer + "/" + index, field + "[" + index + "]"));
      }
      return array;
    }

    private MalformedException malformed(YAMLParser parser, String field) {
      problems.add(
          location(parser.currentLocation()),
          field,
          "invalid YAML: the file ends in the middle of this value");
      return new MalformedException();
    }

    private SpecLocation location(JsonLocation location) {
      return new SpecLocation(file, location.getLineNr(), location.getColumnNr());
    }
  }
}
