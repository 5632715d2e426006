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
 * @param pipelines jobs that produce datasets and what is expected of their runs, by name
 * @param slos service level objectives, by name
 * @param store where Nines keeps its history; {@link StoreSpec#DEFAULT} when the spec says nothing
 * @param later sections parsed by later features (services, consumers, notify), kept as raw trees
 *     so the format has room for them; pipelines and slos are kept here too, as written, for
 *     readers that predate them
 * @param files the files this spec was read from, in order
 * @param consumers stakeholders and the agreements made with them, by name
 * @param incidents how incidents resolve, reopen, escalate and get their severity
 * @param notifications the {@code notify:} section: channels, routes, business hours, maintenance,
 *     delivery; {@link NotifySpec#NONE} when absent
 */
public record Spec(
    Map<String, SourceSpec> sources,
    Map<String, DatasetSpec> datasets,
    Map<String, PipelineSpec> pipelines,
    Map<String, SloSpec> slos,
    StoreSpec store,
    Map<String, JsonNode> later,
    List<String> files,
    Map<String, ConsumerSpec> consumers,
    IncidentPolicySpec incidents,
    NotifySpec notifications) {
  public Spec {
    consumers =
        Collections.unmodifiableMap(new LinkedHashMap<>(consumers == null ? Map.of() : consumers));
    incidents = incidents == null ? IncidentPolicySpec.DEFAULT : incidents;
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    pipelines =
        Collections.unmodifiableMap(new LinkedHashMap<>(pipelines == null ? Map.of() : pipelines));
    slos = Collections.unmodifiableMap(new LinkedHashMap<>(slos == null ? Map.of() : slos));
    later = Collections.unmodifiableMap(new LinkedHashMap<>(later));
    files = List.copyOf(files);
    if (store == null) {
      store = StoreSpec.DEFAULT;
    }
    notifications = notifications == null ? NotifySpec.NONE : notifications;
  }

  /** A spec without SLOs (the form before the {@code slos:} section was read). */
  public Spec(
      Map<String, SourceSpec> sources,
      Map<String, DatasetSpec> datasets,
      Map<String, PipelineSpec> pipelines,
      StoreSpec store,
      Map<String, JsonNode> later,
      List<String> files,
      Map<String, ConsumerSpec> consumers,
      IncidentPolicySpec incidents,
      NotifySpec notifications) {
    this(
        sources,
        datasets,
        pipelines,
        Map.of(),
        store,
        later,
        files,
        consumers,
        incidents,
        notifications);
  }

  /** A spec without SLOs and a read {@code notify:} section. */
  public Spec(
      Map<String, SourceSpec> sources,
      Map<String, DatasetSpec> datasets,
      Map<String, PipelineSpec> pipelines,
      StoreSpec store,
      Map<String, JsonNode> later,
      List<String> files,
      Map<String, ConsumerSpec> consumers,
      IncidentPolicySpec incidents) {
    this(sources, datasets, pipelines, store, later, files, consumers, incidents, NotifySpec.NONE);
  }

  /** A spec without consumers, incident policy and notify (the form before issue 4). */
  public Spec(
      Map<String, SourceSpec> sources,
      Map<String, DatasetSpec> datasets,
      Map<String, PipelineSpec> pipelines,
      Map<String, SloSpec> slos,
      StoreSpec store,
      Map<String, JsonNode> later,
      List<String> files) {
    this(sources, datasets, pipelines, slos, store, later, files, Map.of(), null, NotifySpec.NONE);
  }

  /** A spec without SLOs, consumers, incident policy and notify. */
  public Spec(
      Map<String, SourceSpec> sources,
      Map<String, DatasetSpec> datasets,
      Map<String, PipelineSpec> pipelines,
      StoreSpec store,
      Map<String, JsonNode> later,
      List<String> files) {
    this(sources, datasets, pipelines, Map.of(), store, later, files);
  }

  /** A spec without pipelines (the form before the {@code pipelines:} section was read). */
  public Spec(
      Map<String, SourceSpec> sources,
      Map<String, DatasetSpec> datasets,
      StoreSpec store,
      Map<String, JsonNode> later,
      List<String> files) {
    this(sources, datasets, Map.of(), Map.of(), store, later, files);
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
        + ", pipelines="
        + pipelines.keySet()
        + ", slos="
        + slos.keySet()
        + ", store="
        + store
        + ", consumers="
        + consumers.keySet()
        + ", later="
        + later.keySet()
        + "]";
  }
}
