package dev.nines.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/**
 * One check as written in the spec, before its type has interpreted the options.
 *
 * <p>In YAML a check is a one-key map: {@code - freshness: { column: loaded_at, warn: 12h, fail:
 * 24h }}. The keys {@code name}, {@code description}, {@code where} and {@code timeout} are common
 * to every type and are taken out of {@code options}; everything else stays in {@code options} for
 * the type.
 *
 * @param type the check type, e.g. {@code freshness}
 * @param name unique within its dataset; defaults to a name derived from type and column
 * @param description may be null
 * @param where extra SQL filter for this check (ANDed with the dataset's), may be null
 * @param timeout statement timeout for this check's queries, null for the source default
 * @param options the type-specific options, as written
 * @param optionLocations where each top-level option key was written, for error messages
 * @param field the dotted path of this check, e.g. {@code datasets.orders.checks[2]}
 * @param location where the check was declared
 */
public record CheckSpec(
    String type,
    String name,
    String description,
    String where,
    Duration timeout,
    ObjectNode options,
    Map<String, SpecLocation> optionLocations,
    String field,
    SpecLocation location) {
  public CheckSpec {
    optionLocations = optionLocations == null ? Map.of() : Map.copyOf(optionLocations);
    location = location == null ? SpecLocation.UNKNOWN : location;
  }

  /** Where option {@code key} was written, or the check's own location. */
  public SpecLocation locationOf(String key) {
    return optionLocations.getOrDefault(key, location);
  }
}
