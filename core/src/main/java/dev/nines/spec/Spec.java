package dev.nines.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole, validated spec: possibly merged from several files. Maps keep the order of the files.
 *
 * @param sources where data lives, by name
 * @param datasets tables, views or queries and their checks, by name
 * @param store where Nines keeps its history; {@link StoreSpec#DEFAULT} when the spec says nothing
 * @param later sections parsed by later features (pipelines, services, slos, consumers, notify),
 *     kept as raw trees so the format has room for them
 * @param files the files this spec was read from, in order
 */
public record Spec(
    Map<String, SourceSpec> sources,
    Map<String, DatasetSpec> datasets,
    StoreSpec store,
    Map<String, JsonNode> later,
    List<String> files) {
  public Spec {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    later = Collections.unmodifiableMap(new LinkedHashMap<>(later));
    files = List.copyOf(files);
    if (store == null) {
      store = StoreSpec.DEFAULT;
    }
  }

  /**
   * Printable form naming entries only: raw sections may hold secrets such as webhook urls, so they
   * are not printed.
   */
  @Override
  public String toString() {
    return "Spec[files="
        + files
        + ", sources="
        + sources.values()
        + ", datasets="
        + datasets.keySet()
        + ", store="
        + store
        + ", later="
        + later.keySet()
        + "]";
  }
}
