package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.CheckTypes;
import dev.nines.notify.ChannelType;
import dev.nines.spec.ConsumerSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.IncidentPolicySpec;
import dev.nines.spec.NotifySpec;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Problems;
import dev.nines.spec.SloSpec;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the parsed files section by section (entries by name; a name declared twice is a problem
 * naming both places) and reads the merged entries into the spec model.
 */
public final class SpecAssembler {
  private final Fields fields;
  private final Problems problems;
  private final CheckTypes types;
  private final List<ChannelType> channelTypes;
  private final Map<String, Located> sourceEntries = new LinkedHashMap<>();
  private final Map<String, Located> datasetEntries = new LinkedHashMap<>();
  private final Map<String, Map<String, Located>> laterEntries = new LinkedHashMap<>();
  private Located store;
  private Located incidents;

  public SpecAssembler(Problems problems, CheckTypes types) {
    this(problems, types, List.of());
  }

  /** With the channel types whose options {@code notify: channels:} is checked against. */
  public SpecAssembler(Problems problems, CheckTypes types, List<ChannelType> channelTypes) {
    this.fields = new Fields(problems);
    this.problems = problems;
    this.types = types;
    this.channelTypes = List.copyOf(channelTypes);
    SpecKeys.LATER.forEach(section -> laterEntries.put(section, new LinkedHashMap<>()));
  }

  /** Adds one file's sections. */
  public void add(LocatedDocument document) {
    Located root = document.cursor();
    if (!root.node().isObject()) {
      problems.add(
          root.location(),
          "",
          "a spec file must be a map of sections, got " + Fields.kind(root.node()),
          "start with sources: or datasets:");
      return;
    }
    fields.rejectUnknownKeys(root, SpecKeys.TOP, "the spec");
    collect(root.child(SpecKeys.SOURCES), "source", "sources", sourceEntries);
    collect(root.child(SpecKeys.DATASETS), "dataset", "datasets", datasetEntries);
    for (String section : SpecKeys.LATER) {
      collect(root.child(section), section + " entry", section, laterEntries.get(section));
    }
    incidents = single(root.child(SpecKeys.INCIDENTS), incidents);
    Located storeValue = root.child(SpecKeys.STORE);
    if (!storeValue.isAbsent()) {
      if (store != null) {
        problems.add(
            storeValue.keyLocation(),
            storeValue.field(),
            "store is set twice: here and at " + store.keyLocation(),
            "set store in one file only");
      } else {
        store = storeValue;
      }
    }
  }

  /** A section that may be written in one file only: the first, or a problem for the second. */
  private Located single(Located value, Located earlier) {
    if (value.isAbsent()) {
      return earlier;
    }
    if (earlier != null) {
      problems.add(
          value.keyLocation(),
          value.field(),
          value.field() + " is set twice: here and at " + earlier.keyLocation(),
          "set " + value.field() + " in one file only");
      return earlier;
    }
    return value;
  }

  private void collect(Located section, String what, String plural, Map<String, Located> into) {
    if (section.isAbsent() || !fields.map(section, "a map of " + plural + " by name")) {
      return;
    }
    for (Located entry : section.members()) {
      Located earlier = into.putIfAbsent(entry.key(), entry);
      if (earlier != null) {
        problems.add(
            entry.keyLocation(),
            entry.field(),
            what + " '" + entry.key() + "' is declared twice: here and at " + earlier.keyLocation(),
            "rename or remove one of them");
      }
    }
  }

  /** The merged spec; check {@code problems} before trusting it. */
  public Spec build(List<String> files) {
    SourceReader sourceReader = new SourceReader(fields);
    Map<String, SourceSpec> sources = new LinkedHashMap<>();
    sourceEntries.forEach((name, entry) -> sources.put(name, sourceReader.read(entry)));
    DatasetReader datasetReader = new DatasetReader(fields, types);
    Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
    datasetEntries.forEach((name, entry) -> datasets.put(name, datasetReader.read(entry, sources)));
    new CrossReferences(problems).check(datasets);
    Map<String, Located> pipelineEntries = laterEntries.get(SpecKeys.PIPELINES);
    PipelineReader pipelineReader = new PipelineReader(fields);
    Map<String, PipelineSpec> pipelines = new LinkedHashMap<>();
    pipelineEntries.forEach(
        (name, entry) -> pipelines.put(name, pipelineReader.read(entry, datasetEntries.keySet())));
    new JobOverlaps(problems).check(pipelines, pipelineEntries);
    // datasets and pipelines that failed to read still exist by name: no second "not defined"
    SloReader sloReader = new SloReader(fields, datasets, pipelineEntries.keySet());
    Map<String, SloSpec> slos = new LinkedHashMap<>();
    laterEntries.get(SpecKeys.SLOS).forEach((name, entry) -> slos.put(name, sloReader.read(entry)));
    checkConsumerSlos(laterEntries.get(SpecKeys.SLOS).keySet());
    sources.values().removeIf(Objects::isNull);
    datasets.values().removeIf(Objects::isNull);
    pipelines.values().removeIf(Objects::isNull);
    ConsumerReader consumerReader = new ConsumerReader(fields, datasets, pipelines);
    Map<String, ConsumerSpec> consumers = new LinkedHashMap<>();
    laterEntries
        .get(SpecKeys.CONSUMERS)
        .forEach((name, entry) -> consumers.put(name, consumerReader.read(entry)));
    consumers.values().removeIf(Objects::isNull);
    IncidentPolicySpec policy =
        new IncidentPolicyReader(fields)
            .read(
                incidents,
                Map.of(
                    "dataset", datasetEntries.keySet(),
                    "pipeline", pipelineEntries.keySet(),
                    "consumer", consumers.keySet()));
    slos.values().removeIf(Objects::isNull);
    NotifySpec notify =
        readNotify(sourceEntries.keySet(), datasetEntries.keySet(), pipelineEntries.keySet());
    return new Spec(
        sources, datasets, pipelines, slos, readStore(), later(), files, consumers, policy, notify);
  }

  /**
   * Agreements under {@code consumers:} name SLOs: their {@code agreements[].slos} lists are
   * checked against the declared SLOs here, where both sections are known.
   */
  private void checkConsumerSlos(Set<String> declared) {
    SloReferences references = new SloReferences(problems);
    for (Located consumer : laterEntries.get("consumers").values()) {
      for (Located agreement : consumer.child("agreements").items()) {
        references.check(agreement.child("slos"), declared);
      }
    }
  }

  private NotifySpec readNotify(Set<String> sources, Set<String> datasets, Set<String> pipelines) {
    Map<String, Located> consumers = laterEntries.get(SpecKeys.CONSUMERS);
    NotifyReader reader = new NotifyReader(fields, channelTypes);
    NotifySpec notify =
        reader.read(
            laterEntries.get("notify"),
            new NotifyReader.Names(datasets, pipelines, sources, consumers.keySet()));
    reader.checkConsumerChannels(consumers);
    return notify;
  }

  private StoreSpec readStore() {
    if (store == null || !fields.map(store, "a map with url, user and password")) {
      return null;
    }
    fields.rejectUnknownKeys(store, SpecKeys.STORE_KEYS, "store");
    String url = fields.requiredText(store, "url", "store");
    if (url != null && !url.startsWith("jdbc:")) {
      problems.add(
          store.child("url").location(),
          store.child("url").field(),
          "url must be a JDBC url",
          "for example jdbc:postgresql://host:5432/nines or jdbc:h2:file:./.nines/store");
    }
    Located password = store.child("password");
    return new StoreSpec(
        url,
        fields.text(store.child("user")),
        password.isAbsent() || !password.node().isValueNode() ? null : password.node().asText());
  }

  private Map<String, JsonNode> later() {
    Map<String, JsonNode> later = new LinkedHashMap<>();
    laterEntries.forEach(
        (section, entries) -> {
          if (!entries.isEmpty()) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            entries.forEach((name, entry) -> merged.set(name, entry.node()));
            later.put(section, merged);
          }
        });
    return later;
  }
}
