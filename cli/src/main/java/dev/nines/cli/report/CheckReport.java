package dev.nines.cli.report;

import dev.nines.observation.Observation;
import dev.nines.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code nines check} reports.
 *
 * @param result what the run produced
 * @param exitCode the code the command ends with (the run's, or 2 when the store failed)
 * @param saved whether the results went into the store
 * @param storeProblem why they could not be saved; null when they were or saving was turned off
 */
public record CheckReport(RunResult result, int exitCode, boolean saved, String storeProblem) {
  /** The observations grouped by dataset, datasets in the order they first appear. */
  public Map<String, List<Observation>> byDataset() {
    Map<String, List<Observation>> groups = new LinkedHashMap<>();
    for (Observation observation : result.observations()) {
      groups.computeIfAbsent(observation.dataset(), name -> new ArrayList<>()).add(observation);
    }
    return groups;
  }
}
