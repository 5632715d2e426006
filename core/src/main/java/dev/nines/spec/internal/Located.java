package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.nines.spec.SpecLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of a spec file together with its JSON pointer and dotted field path, so any problem about
 * it can name the place.
 *
 * @param node the value, {@link MissingNode} when the key is absent
 * @param pointer JSON pointer into the document
 * @param field dotted path as shown to users, e.g. {@code datasets.orders.checks[2]}
 * @param document the file it came from
 */
public record Located(JsonNode node, String pointer, String field, LocatedDocument document) {

  /** The member {@code key} of this map (missing when absent or when this is not a map). */
  public Located child(String key) {
    JsonNode value = node.isObject() ? node.get(key) : null;
    return new Located(
        value == null ? MissingNode.getInstance() : value,
        pointer + "/" + escape(key),
        field.isEmpty() ? key : field + "." + key,
        document);
  }

  /** The element {@code index} of this list. */
  public Located item(int index) {
    JsonNode value = node.isArray() ? node.get(index) : null;
    return new Located(
        value == null ? MissingNode.getInstance() : value,
        pointer + "/" + index,
        field + "[" + index + "]",
        document);
  }

  /** The members of this map in written order, or nothing when it is not a map. */
  public List<Located> members() {
    List<Located> members = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> members.add(child(name)));
    }
    return members;
  }

  /** The elements of this list, or nothing when it is not a list. */
  public List<Located> items() {
    List<Located> items = new ArrayList<>();
    for (int index = 0; index < node.size() && node.isArray(); index++) {
      items.add(item(index));
    }
    return items;
  }

  /** The last key of the path: the member name of a map value. */
  public String key() {
    int slash = pointer.lastIndexOf('/');
    return unescape(pointer.substring(slash + 1));
  }

  /** Whether the key is absent or its value is YAML null. */
  public boolean isAbsent() {
    return node.isMissingNode() || node.isNull();
  }

  /** Where the value starts (or, when absent, the file). */
  public SpecLocation location() {
    return document.valueLocation(pointer);
  }

  /** Where the key of this member was written; the value's location for list elements. */
  public SpecLocation keyLocation() {
    return document.keyLocation(pointer);
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
