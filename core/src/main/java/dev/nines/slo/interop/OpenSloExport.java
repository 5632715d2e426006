package dev.nines.slo.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.slo.BudgetingMethod;
import dev.nines.slo.CalendarWindow;
import dev.nines.slo.RollingWindow;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.spec.Values;
import java.util.Collection;

/**
 * Writes Nines SLOs as OpenSLO v1 SLO documents, one per SLO, with the indicator inline and its
 * metric source {@code type: Nines} carrying the Nines SLI as written in the spec. {@link
 * OpenSloImport} reads them back to the same SLOs.
 */
public final class OpenSloExport {
  private OpenSloExport() {}

  /** A multi-document YAML text. */
  public static String export(Collection<SloSpec> slos) {
    StringBuilder text = new StringBuilder();
    for (SloSpec slo : slos) {
      text.append("---\n").append(Documents.write(document(slo)));
    }
    return text.toString();
  }

  static ObjectNode document(SloSpec slo) {
    ObjectNode document = Documents.object();
    document.put("apiVersion", OpenSloImport.API_VERSION);
    document.put("kind", "SLO");
    document.putObject("metadata").put("name", slo.name());
    ObjectNode spec = document.putObject("spec");
    if (slo.description() != null) {
      spec.put("description", slo.description());
    }
    ObjectNode indicator = spec.putObject("indicator");
    indicator.putObject("metadata").put("name", slo.name() + "-sli");
    ObjectNode objective = Documents.object();
    indicator.set("spec", indicatorSpec(slo.sli(), objective));
    ObjectNode window = spec.putArray("timeWindow").addObject();
    if (slo.window() instanceof RollingWindow rolling) {
      window.put("duration", shorthand(rolling));
      window.put("isRolling", true);
    } else if (slo.window() instanceof CalendarWindow calendar) {
      window.put(
          "duration",
          switch (calendar.period()) {
            case WEEK -> "1w";
            case MONTH -> "1M";
            case QUARTER -> "1Q";
          });
      window.put("isRolling", false);
      window.putObject("calendar").put("timeZone", calendar.zone().getId());
    }
    spec.put(
        "budgetingMethod",
        slo.budgeting() == BudgetingMethod.OCCURRENCES ? "Occurrences" : "Timeslices");
    objective.put("targetPercent", slo.objective().target().movePointRight(2));
    if (slo.budgeting() == BudgetingMethod.TIMESLICES) {
      objective.put("timeSliceWindow", Values.human(slo.slice()).replace(" ", ""));
    }
    spec.putArray("objectives").add(objective);
    return document;
  }

  private static ObjectNode indicatorSpec(SliSpec sli, ObjectNode objective) {
    ObjectNode spec = Documents.object();
    if (sli instanceof SliSpec.MetricRatio ratio) {
      ObjectNode metric = spec.putObject("ratioMetric");
      metric.set("good", source(ref(ratio.good())));
      metric.set("total", source(ref(ratio.total())));
      return spec;
    }
    ObjectNode nines = Documents.object();
    if (sli instanceof SliSpec.Freshness freshness) {
      nines.put("freshness", freshness.dataset());
      nines.put("max_age", Values.human(freshness.maxAge()).replace(" ", ""));
      nines.put("max_gap", Values.human(freshness.maxGap()).replace(" ", ""));
    } else if (sli instanceof SliSpec.CheckResults check) {
      nines.put("check", check.dataset() + "." + check.check());
      nines.put("warn", check.warnIsGood() ? "good" : "bad");
    } else if (sli instanceof SliSpec.PipelineRuns runs) {
      nines.put("pipeline", runs.pipeline());
    } else if (sli instanceof SliSpec.MetricThreshold threshold) {
      nines.setAll(ref(threshold.metric()));
      // OpenSLO has one bound per objective: the upper bound of a range stays in the Nines spec
      if (threshold.min() != null) {
        objective.put("op", "gte").put("value", threshold.min());
        if (threshold.max() != null) {
          nines.put("max", threshold.max());
        }
      } else {
        objective.put("op", "lte").put("value", threshold.max());
      }
    }
    spec.set("thresholdMetric", source(nines));
    return spec;
  }

  private static ObjectNode ref(SliSpec.MetricRef metric) {
    ObjectNode ref = Documents.object();
    ref.put("dataset", metric.dataset());
    ref.put("metric", metric.metric());
    return ref;
  }

  private static ObjectNode source(ObjectNode spec) {
    ObjectNode holder = Documents.object();
    ObjectNode source = holder.putObject("metricSource");
    source.put("type", OpenSloImport.NINES_SOURCE);
    source.set("spec", spec);
    return holder;
  }

  private static String shorthand(RollingWindow window) {
    long minutes = window.length().toMinutes();
    if (minutes % (7 * 1440) == 0) {
      return minutes / (7 * 1440) + "w";
    }
    if (minutes % 1440 == 0) {
      return minutes / 1440 + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }
}
