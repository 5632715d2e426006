package dev.nines.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place where check types are registered. */
public final class CheckTypes {
  private final Map<String, CheckType> byName = new LinkedHashMap<>();

  private CheckTypes(List<CheckType> types) {
    for (CheckType type : types) {
      byName.put(type.name(), type);
    }
  }

  /** Every built-in check type. */
  public static CheckTypes builtIn() {
    return new CheckTypes(
        List.of(
            new FreshnessCheck(),
            new RowCountCheck(),
            new VolumeChangeCheck(),
            new SchemaCheck(),
            new MissingCheck(),
            new DuplicatesCheck(),
            new ValidCheck(),
            new ReferenceCheck(),
            new MetricCheck(),
            new SqlCheck()));
  }

  /** A registry of exactly these types, for tests and extensions. Names must be unique. */
  public static CheckTypes of(List<CheckType> types) {
    long distinct = types.stream().map(CheckType::name).distinct().count();
    if (distinct != types.size()) {
      throw new IllegalArgumentException("check type names must be unique");
    }
    return new CheckTypes(types);
  }

  public Optional<CheckType> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Names in registration order, for "did you mean" hints and help texts. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public List<CheckType> all() {
    return List.copyOf(byName.values());
  }
}
