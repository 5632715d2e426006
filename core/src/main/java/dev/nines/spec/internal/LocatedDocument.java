package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.spec.SpecLocation;
import java.util.Map;

/**
 * One parsed spec file: its tree and where each node was written, keyed by JSON pointer.
 *
 * @param file the file as the user named it, used in every location
 * @param root the parsed tree, interpolated in place later
 * @param valueLocations where each value starts
 * @param keyLocations where the key of each map member was written
 */
public record LocatedDocument(
    String file,
    JsonNode root,
    Map<String, SpecLocation> valueLocations,
    Map<String, SpecLocation> keyLocations) {

  /** A cursor on the root of this document. */
  public Located cursor() {
    return new Located(root, "", "", this);
  }

  SpecLocation valueLocation(String pointer) {
    return valueLocations.getOrDefault(pointer, new SpecLocation(file, 0, 0));
  }

  SpecLocation keyLocation(String pointer) {
    SpecLocation key = keyLocations.get(pointer);
    return key != null ? key : valueLocation(pointer);
  }
}
