package dev.nines.server.lineage;

import dev.nines.observation.ColumnInfo;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.store.LineageFacts;
import io.openlineage.client.OpenLineage;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns dataset facets into facts about datasets: statistics and data quality metrics become
 * measurements, data quality assertions observations, schema facets schema snapshots.
 */
final class FactsExtractor {
  static final String ASSERTION_CHECK_TYPE = "openlineage_assertion";

  private final Instant at;
  private final DatasetNames names;
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<Observation> observations = new ArrayList<>();
  private final List<SchemaSnapshot> schemas = new ArrayList<>();

  private FactsExtractor(Instant at, DatasetNames names) {
    this.at = at;
    this.names = names;
  }

  static LineageFacts ofDatasets(
      List<OpenLineage.InputDataset> inputs,
      List<OpenLineage.OutputDataset> outputs,
      Instant at,
      DatasetNames names) {
    FactsExtractor extractor = new FactsExtractor(at, names);
    for (OpenLineage.InputDataset input :
        inputs == null ? List.<OpenLineage.InputDataset>of() : inputs) {
      extractor.input(input);
    }
    for (OpenLineage.OutputDataset output :
        outputs == null ? List.<OpenLineage.OutputDataset>of() : outputs) {
      extractor.output(output);
    }
    return extractor.facts();
  }

  static LineageFacts ofDataset(OpenLineage.StaticDataset dataset, Instant at, DatasetNames names) {
    FactsExtractor extractor = new FactsExtractor(at, names);
    if (dataset != null) {
      extractor.schema(extractor.name(dataset), dataset.getFacets());
    }
    return extractor.facts();
  }

  /** The rows written to all outputs, when any output says; null when none does. */
  static Long rowsWritten(List<OpenLineage.OutputDataset> outputs) {
    Long total = null;
    for (OpenLineage.OutputDataset output :
        outputs == null ? List.<OpenLineage.OutputDataset>of() : outputs) {
      OpenLineage.OutputStatisticsOutputDatasetFacet statistics = outputStatistics(output);
      if (statistics != null && statistics.getRowCount() != null) {
        total = (total == null ? 0 : total) + statistics.getRowCount();
      }
    }
    return total;
  }

  private LineageFacts facts() {
    return new LineageFacts(measurements, observations, schemas);
  }

  private String name(OpenLineage.Dataset dataset) {
    return names.nameOf(dataset.getNamespace(), dataset.getName());
  }

  private void output(OpenLineage.OutputDataset output) {
    String dataset = name(output);
    OpenLineage.OutputStatisticsOutputDatasetFacet statistics = outputStatistics(output);
    if (statistics != null) {
      measure(dataset, "outputStatistics", "row_count", statistics.getRowCount());
      rowCountForVolumeChecks(dataset, statistics.getRowCount());
      measure(dataset, "outputStatistics", "bytes", statistics.getSize());
      measure(dataset, "outputStatistics", "file_count", statistics.getFileCount());
    }
    schema(dataset, output.getFacets());
  }

  private void input(OpenLineage.InputDataset input) {
    String dataset = name(input);
    OpenLineage.InputDatasetInputFacets facets = input.getInputFacets();
    if (facets != null) {
      metrics(dataset, facets.getDataQualityMetrics());
      assertions(dataset, input, facets.getDataQualityAssertions());
      inputStatistics(dataset, facets.getAdditionalProperties());
    }
    schema(dataset, input.getFacets());
  }

  private void metrics(String dataset, OpenLineage.DataQualityMetricsInputDatasetFacet metrics) {
    if (metrics == null) {
      return;
    }
    String check = "dataQualityMetrics";
    measure(dataset, check, "row_count", metrics.getRowCount());
    rowCountForVolumeChecks(dataset, metrics.getRowCount());
    measure(dataset, check, "bytes", metrics.getBytes());
    measure(dataset, check, "file_count", metrics.getFileCount());
    if (metrics.getColumnMetrics() == null) {
      return;
    }
    for (var column : metrics.getColumnMetrics().getAdditionalProperties().entrySet()) {
      var values = column.getValue();
      String prefix = column.getKey() + ".";
      measure(dataset, check, prefix + "null_count", values.getNullCount());
      measure(dataset, check, prefix + "distinct_count", values.getDistinctCount());
      measure(dataset, check, prefix + "sum", values.getSum());
      measure(dataset, check, prefix + "count", values.getCount());
      measure(dataset, check, prefix + "min", values.getMin());
      measure(dataset, check, prefix + "max", values.getMax());
    }
  }

  /** Not typed in the 1.23 model: read from the facet's raw properties. */
  private void inputStatistics(String dataset, Map<String, OpenLineage.InputDatasetFacet> extra) {
    if (extra == null
        || !(extra.get("inputStatistics") instanceof OpenLineage.DefaultInputDatasetFacet facet)) {
      return;
    }
    Map<String, Object> properties = facet.getAdditionalProperties();
    measure(dataset, "inputStatistics", "row_count", number(properties.get("rowCount")));
    measure(dataset, "inputStatistics", "bytes", number(properties.get("size")));
    measure(dataset, "inputStatistics", "file_count", number(properties.get("fileCount")));
  }

  private void assertions(
      String dataset,
      OpenLineage.InputDataset input,
      OpenLineage.DataQualityAssertionsDatasetFacet facet) {
    if (facet == null || facet.getAssertions() == null) {
      return;
    }
    for (OpenLineage.DataQualityAssertionsDatasetFacetAssertions assertion :
        facet.getAssertions()) {
      if (assertion.getAssertion() == null || assertion.getSuccess() == null) {
        continue;
      }
      String column = assertion.getColumn();
      String check =
          column == null ? assertion.getAssertion() : assertion.getAssertion() + "_" + column;
      boolean passed = assertion.getSuccess();
      String message =
          "assertion "
              + assertion.getAssertion()
              + (column == null ? "" : " on " + column)
              + (passed ? " passed" : " failed")
              + " (reported by OpenLineage)";
      observations.add(
          new Observation(
              dataset,
              check,
              ASSERTION_CHECK_TYPE,
              passed ? Status.PASS : Status.FAIL,
              Kind.DATA,
              null,
              null,
              null,
              message,
              List.of("OpenLineage dataset " + input.getNamespace() + " " + input.getName()),
              List.of(),
              at,
              null));
    }
  }

  private void schema(String dataset, OpenLineage.DatasetFacets facets) {
    if (facets == null || facets.getSchema() == null || facets.getSchema().getFields() == null) {
      return;
    }
    List<ColumnInfo> columns = new ArrayList<>();
    for (OpenLineage.SchemaDatasetFacetFields field : facets.getSchema().getFields()) {
      if (field.getName() == null) {
        continue;
      }
      String type = field.getType() == null ? "unknown" : field.getType();
      // OpenLineage gives no JDBC type code nor nullability: OTHER and nullable stand in.
      columns.add(new ColumnInfo(field.getName(), type, Types.OTHER, columns.size() + 1, true));
    }
    if (!columns.isEmpty()) {
      schemas.add(new SchemaSnapshot(dataset, columns, at));
    }
  }

  /**
   * Also kept as the {@code row_count} of the dataset's volume_change checks, the measurement they
   * compare with next time, so a reported count spares them a scan of the previous size.
   */
  private void rowCountForVolumeChecks(String dataset, Number rows) {
    for (String check : names.wholeTableVolumeChecks(dataset)) {
      measure(dataset, check, "row_count", rows);
    }
  }

  private void measure(String dataset, String check, String metric, Number value) {
    if (value != null && Double.isFinite(value.doubleValue())) {
      measurements.add(new Measurement(dataset, check, metric, value.doubleValue(), at));
    }
  }

  private static Number number(Object value) {
    return value instanceof Number number ? number : null;
  }

  private static OpenLineage.OutputStatisticsOutputDatasetFacet outputStatistics(
      OpenLineage.OutputDataset output) {
    return output.getOutputFacets() == null ? null : output.getOutputFacets().getOutputStatistics();
  }
}
