package dev.nines.run;

import java.util.Set;

/** Which datasets a run covers; empty means all of them. */
public record RunRequest(Set<String> datasets) {
  public static final RunRequest ALL = new RunRequest(Set.of());

  public RunRequest {
    datasets = Set.copyOf(datasets);
  }

  public boolean includes(String dataset) {
    return datasets.isEmpty() || datasets.contains(dataset);
  }
}
